import "reflect-metadata";
import { TestApp } from "../../../testing/harness";
import { fromGlobalId } from "../../../graphql/ids";
import { AuditEntry } from "../../audit/audit-entry.entity";
import { Problem, ProblemEvent } from "../problem.entity";
import { ANSWER, ASSIGN, ESCALATE, REPORT, TRIAGE, deskWorld, must, refused, type DeskWorld } from "./fixtures";

const local = (id: string) => fromGlobalId(id)!.id;
const TRIAGE_MANY = `mutation($i: TriageProblemsInput!) { triageProblems(input: $i) { problems { id status } userErrors { code field message } } }`;
const QUEUE = `query($f: ProblemFilter, $o: ProblemOrder, $after: String) {
  problems(first: 2, filter: $f, orderBy: $o, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id title dueAt heldByViewer } } } }`;
const DAY = 86_400_000;
/** The Beijing calendar day `days` from now. */
const beijingDay = (days: number) => new Date(Date.now() + days * DAY + 8 * 3600_000).toISOString().slice(0, 10);

describe("the desk's queue: bulk triage and assignment, filters and order", () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let w: DeskWorld;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await deskWorld(t);
  });
  afterAll(() => t.close());

  const report = (title: string, category = "POLICY") =>
    must(t, w.contact, REPORT, { enterpriseId: w.firmId, category, title, description: `${title}，请协助。` }).then(
      (p: { id: string }) => p.id,
    );

  /** What a refused batch must leave alone: the rows, their timelines, the audit. */
  const state = async (ids: string[]) => ({
    rows: await t.ds.getRepository(Problem).find({
      where: ids.map((id) => ({ id: local(id) })),
      order: { id: "ASC" },
      select: { id: true, status: true, dueAt: true },
    }),
    events: await t.count(ProblemEvent),
    audits: await t.count(AuditEntry),
  });

  it("triages and assigns a batch with a due date typed by the desk; a bad item refuses the whole batch and is named", async () => {
    const ids = [await report("税收优惠政策咨询"), await report("社保补贴申领"), await report("出口退税进度")];
    const [first, second, third] = ids;
    // The third is triaged already: the batch is refused, naming it (index 2), and nothing changes.
    await must(t, w.staff, TRIAGE, { problemId: third });
    const before = await state(ids);
    const refusedBatch = await t.ok(TRIAGE_MANY, { i: { problemIds: ids } }, { token: w.staff.token });
    expect(refusedBatch.triageProblems.problems).toBeNull();
    expect(refusedBatch.triageProblems.userErrors).toEqual([
      { code: "WRONG_STATUS", field: ["input", "problemIds", "2"], message: "当前状态（TRIAGED）不允许此操作" },
    ]);
    expect(await state(ids)).toEqual(before);
    expect(await refused(t, w.staff, TRIAGE_MANY, { problemIds: [first, first] })).toBe("DUPLICATE_VALUE");
    expect(await refused(t, w.staff, TRIAGE_MANY, { problemIds: [] })).toBe("OUT_OF_RANGE");
    expect(
      (await t.gql(TRIAGE_MANY, { i: { problemIds: [first] } }, { token: w.handler.token })).errors?.[0].extensions
        ?.code,
    ).toBe("FORBIDDEN");

    const triaged = await must(t, w.staff, TRIAGE_MANY, { problemIds: [first, second], note: "政策类，批量分拣" });
    expect(triaged.map((p: { status: string }) => p.status)).toEqual(["TRIAGED", "TRIAGED"]);

    // A due date in the past, too far ahead, or not a date is refused beside its field.
    const triagedState = await state(ids);
    for (const [dueOn, code] of [
      [beijingDay(0), "OUT_OF_RANGE"],
      [beijingDay(400), "OUT_OF_RANGE"],
      ["2026-02-30", "INVALID_VALUE"],
    ]) {
      const res = await t.ok(
        ASSIGN,
        { i: { problemIds: ids, departmentId: w.deptId, dueOn } },
        { token: w.staff.token, lang: "en" },
      );
      expect(res.assignProblems.userErrors[0]).toMatchObject({ code, field: ["input", "dueOn"] });
    }
    expect(await state(ids)).toEqual(triagedState);
    const dueOn = beijingDay(3);
    const assigned = await must(t, w.staff, ASSIGN, { problemIds: ids, departmentId: w.deptId, dueOn });
    expect(assigned.map((p: { status: string }) => p.status)).toEqual(["ASSIGNED", "ASSIGNED", "ASSIGNED"]);
    // Due at the end of that Beijing day, whatever the category.
    expect(assigned.map((p: { dueAt: string }) => p.dueAt)).toEqual(
      Array(3).fill(new Date(`${dueOn}T23:59:59+08:00`).toISOString()),
    );

    // Assigning them again to the same department is refused at the first item, which is named.
    const again = await t.ok(ASSIGN, { i: { problemIds: ids, departmentId: w.deptId } }, { token: w.staff.token });
    expect(again.assignProblems.userErrors[0]).toMatchObject({
      code: "WRONG_STATUS",
      field: ["input", "problemIds", "0"],
    });
  });

  it("filters by words, report dates and what is owed; the inbox lists the earliest due first, page by page", async () => {
    const land = await report("厂房用地手续卡在规划许可", "LAND");
    const admin = await report("营业执照变更", "ADMINISTRATION");
    await must(t, w.staff, TRIAGE_MANY, { problemIds: [land, admin] });
    await must(t, w.staff, ASSIGN, { problemIds: [land, admin], departmentId: w.deptId });
    const list = async (who: { token: string }, f: object, o?: string, after?: string) =>
      (await t.ok(QUEUE, { f, o, after }, { token: who.token })).problems;

    expect((await list(w.staff, { search: "规划许可" })).edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(
      [land],
    );
    // The enterprise's name matches too; LIKE's wildcards are plain characters.
    expect((await list(w.staff, { search: "测试机电" })).totalCount).toBe(await t.count(Problem));
    expect((await list(w.staff, { search: "100%_" })).totalCount).toBe(0);
    const tooLong = await t.gql(QUEUE, { f: { search: "字".repeat(101) } }, { token: w.staff.token });
    expect(tooLong.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");

    const all = await t.count(Problem);
    expect((await list(w.staff, { reportedFrom: new Date(Date.now() - DAY).toISOString() })).totalCount).toBe(all);
    expect((await list(w.staff, { reportedTo: new Date(Date.now() - DAY).toISOString() })).totalCount).toBe(0);

    // The department's inbox: what it owes, the earliest due date first (办事 5 days before 用地 30).
    await t.ds.getRepository(Problem).update({ id: local(land) }, { dueAt: new Date(Date.now() - DAY) });
    const owed = await t.count(Problem, { departmentId: local(w.deptId), status: "ASSIGNED" });
    const seen: { id: string; dueAt: string; heldByViewer: boolean }[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await list(w.handler, { open: true }, "DUE_FIRST", after);
      expect(page.totalCount).toBe(owed);
      seen.push(...page.edges.map((e: { node: (typeof seen)[number] }) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(owed);
    expect(seen[0].id).toBe(land);
    const dues = seen.map((p) => p.dueAt);
    expect(dues).toEqual([...dues].sort());
    expect(seen.every((p) => p.heldByViewer)).toBe(true);
    // Desk staff see it without holding it; once it is up a level, the leader holds it.
    expect((await list(w.staff, { search: "规划许可" })).edges[0].node.heldByViewer).toBe(false);
    await must(t, w.handler, ESCALATE, { problemId: land });
    expect((await list(w.leader, { level: "LEADER", open: true }, "DUE_FIRST")).edges[0].node).toMatchObject({
      id: land,
      heldByViewer: true,
    });
    expect((await list(w.handler, { search: "规划许可" })).edges[0].node.heldByViewer).toBe(false);
    await must(t, w.leader, ANSWER, { problemId: land, answer: "已协调规划许可。" });
  });
});
