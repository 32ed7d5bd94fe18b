import "reflect-metadata";
import { TestApp, type TestUser } from "../../../testing/harness";
import { fromGlobalId, toGlobalId } from "../../../graphql/ids";
import { beijingDay } from "../../../common/beijing-time";
import { AuditEntry } from "../../audit/audit-entry.entity";
import { Enterprise } from "../../enterprises/enterprise.entity";
import { CommissionerAssignment, Visit } from "../commissioner.entity";
import { Problem } from "../problem.entity";
import { REPORT, deskWorld, type DeskWorld } from "./fixtures";

const ASSIGN = `mutation($i: AssignCommissionerInput!) { assignCommissioner(input: $i) {
  assignments { id current startedAt endedAt enterprise { id } commissioner { id name } } userErrors { code field message } } }`;
const UNASSIGN = `mutation($i: UnassignCommissionerInput!) { unassignCommissioner(input: $i) {
  assignments { id current endedAt } userErrors { code field message } } }`;
const LOG = `mutation($i: LogVisitInput!) { logVisit(input: $i) {
  visit { id visitedOn met findings enterprise { id } } userErrors { code field message } } }`;
const MINE = `query($f: CommissionerAssignmentFilter) { commissionerAssignments(first: 50, filter: $f) {
  totalCount edges { node { id current lastVisitOn visitOverdue endedAt enterprise { id name } commissioner { id } } } } }`;
const VISITS = `query($f: VisitFilter) { visits(first: 50, filter: $f) { totalCount edges { node { id visitedOn problems { id } } } } }`;
const VISIT = `query($id: ID!) { node(id: $id) { ... on Visit { id met findings problems { id reporterKind } } } }`;
const PROBLEM_VISIT = `query($id: ID!) { node(id: $id) { ... on Problem { id reporterKind visit { id } } } }`;

const local = (id: string) => fromGlobalId(id)!.id;
const daysAgo = (n: number) => beijingDay(new Date(Date.now() - n * 86_400_000));

describe("commissioners (亲清特使): assignments, visits, problems raised from visits", () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let w: DeskWorld;
  let second: TestUser;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await deskWorld(t);
    second = await t.user(["COMMISSIONER"], "第二特使");
  });
  afterAll(() => t.close());

  async function call(who: TestUser, query: string, input: Record<string, unknown>) {
    const data = await t.ok(query, { i: input }, { token: who.token });
    return Object.values(data)[0] as { userErrors: { code: string; field: string[] }[]; [k: string]: any };
  }

  /** What a refused change must leave alone. */
  const state = async () => ({
    assignments: await t.count(CommissionerAssignment),
    current: await t.count(CommissionerAssignment, { current: true }),
    visits: await t.count(Visit),
    problems: await t.count(Problem),
    audits: await t.count(AuditEntry),
  });

  async function newFirm(name: string) {
    const n = (await t.count(Enterprise)) + 1;
    const firm = await t.ds.getRepository(Enterprise).save({
      name: `${name}${n}`,
      creditCode: `K${String(n).padStart(17, "0")}`,
      listed: false,
      town: "北温泉街道",
    });
    return toGlobalId("Enterprise", firm.id);
  }

  it("staff assign a cadre to key enterprises; a change of hands keeps the old assignment as history, audited", async () => {
    const a = await newFirm("重庆甲");
    const b = await newFirm("重庆乙");
    const secondId = toGlobalId("User", second.userId);
    const made = await call(w.staff, ASSIGN, { commissionerId: secondId, enterpriseIds: [a, b] });
    expect(made.userErrors).toEqual([]);
    expect(made.assignments.map((x: any) => [x.enterprise.id, x.commissioner.id, x.current])).toEqual([
      [a, secondId, true],
      [b, secondId, true],
    ]);
    // One cadre serves several; an enterprise has one current commissioner.
    const moved = await call(w.staff, ASSIGN, {
      commissionerId: toGlobalId("User", w.commissioner.userId),
      enterpriseIds: [b],
    });
    expect(moved.userErrors).toEqual([]);
    const mine = await t.ok(MINE, {}, { token: second.token });
    expect(mine.commissionerAssignments.edges.map((e: any) => e.node.enterprise.id)).toEqual([a]);
    const past = await t.ok(MINE, { f: { enterpriseId: b, current: false } }, { token: w.staff.token });
    expect(past.commissionerAssignments.edges).toHaveLength(1);
    expect(past.commissionerAssignments.edges[0].node).toMatchObject({
      current: false,
      commissioner: { id: secondId },
    });
    expect(past.commissionerAssignments.edges[0].node.endedAt).not.toBeNull();
    expect(await t.count(CommissionerAssignment, { enterpriseId: local(b) })).toBe(2);
    expect(await t.count(CommissionerAssignment, { enterpriseId: local(b), current: true })).toBe(1);
    expect(await t.count(AuditEntry, { action: "commissioner.assigned" })).toBe(3);

    const ended = await call(w.staff, UNASSIGN, { enterpriseIds: [a] });
    expect(ended.userErrors).toEqual([]);
    expect(ended.assignments[0]).toMatchObject({ current: false });
    expect((await t.ok(MINE, {}, { token: second.token })).commissionerAssignments.totalCount).toBe(0);
    expect(await t.count(AuditEntry, { action: "commissioner.unassigned" })).toBe(1);
  });

  it("answers every bad assignment with a userError and changes nothing", async () => {
    const firm = await newFirm("重庆丙");
    const secondId = toGlobalId("User", second.userId);
    await call(w.staff, ASSIGN, { commissionerId: secondId, enterpriseIds: [firm] });
    const before = await state();
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { commissionerId: toGlobalId("User", w.handler.userId), enterpriseIds: [firm] },
        "NOT_A_COMMISSIONER",
        "commissionerId",
      ],
      [{ commissionerId: toGlobalId("User", 999_999), enterpriseIds: [firm] }, "NOT_FOUND", "commissionerId"],
      [{ commissionerId: w.firmId, enterpriseIds: [firm] }, "NOT_FOUND", "commissionerId"],
      [{ commissionerId: secondId, enterpriseIds: [] }, "OUT_OF_RANGE", "enterpriseIds"],
      [{ commissionerId: secondId, enterpriseIds: [w.otherFirmId, w.otherFirmId] }, "DUPLICATE_VALUE", "enterpriseIds"],
      [{ commissionerId: secondId, enterpriseIds: [toGlobalId("Enterprise", 999_999)] }, "NOT_FOUND", "enterpriseIds"],
      // All or none: the first could go, the second is served by this cadre already.
      [{ commissionerId: secondId, enterpriseIds: [w.otherFirmId, firm] }, "ALREADY_ASSIGNED", "enterpriseIds"],
    ];
    for (const [input, code, field] of cases) {
      const res = await call(w.staff, ASSIGN, input);
      expect([res.userErrors[0]?.code, res.userErrors[0]?.field?.[1], res.assignments ?? null]).toEqual([
        code,
        field,
        null,
      ]);
    }
    expect(await call(w.staff, UNASSIGN, { enterpriseIds: [w.otherFirmId] })).toMatchObject({
      userErrors: [{ code: "NO_COMMISSIONER" }],
    });
    // Only desk staff assign.
    for (const who of [w.commissioner, w.contact, w.leader]) {
      const res = await t.gql(
        ASSIGN,
        { i: { commissionerId: secondId, enterpriseIds: [w.otherFirmId] } },
        { token: who.token },
      );
      expect(res.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    expect(await state()).toEqual(before);
  });

  it("a commissioner logs a visit to an enterprise they serve and raises a problem from it", async () => {
    const logged = await call(w.commissioner, LOG, {
      enterpriseId: w.firmId,
      visitedOn: daysAgo(1),
      met: "何建国（总经理）",
      findings: "新产线调试中，数控技工缺口约30人。",
    });
    expect(logged.userErrors).toEqual([]);
    expect(logged.visit).toMatchObject({ visitedOn: daysAgo(1), enterprise: { id: w.firmId } });
    const visitId = logged.visit.id;
    expect(await t.count(AuditEntry, { action: "visit.logged", subjectId: local(visitId) })).toBe(1);

    const raised = await t.ok(
      REPORT,
      {
        i: {
          enterpriseId: w.firmId,
          visitId,
          category: "EMPLOYMENT",
          title: "数控技工招聘难",
          description: "走访发现企业缺数控技工约30人，请人社部门对接。",
        },
      },
      { token: w.commissioner.token },
    );
    expect(raised.reportProblem.userErrors).toEqual([]);
    const problemId = raised.reportProblem.problem.id;
    expect(raised.reportProblem.problem).toMatchObject({ status: "REPORTED", reporterKind: "COMMISSIONER" });
    const seen = await t.ok(VISIT, { id: visitId }, { token: w.commissioner.token });
    expect(seen.node.problems).toEqual([{ id: problemId, reporterKind: "COMMISSIONER" }]);
    expect((await t.ok(PROBLEM_VISIT, { id: problemId }, { token: w.staff.token })).node.visit).toEqual({
      id: visitId,
    });
    // The enterprise sees the problem raised for it, not the commissioner's note of the visit.
    const asContact = await t.ok(PROBLEM_VISIT, { id: problemId }, { token: w.contact.token });
    expect(asContact.node).toMatchObject({ id: problemId, visit: null });

    const mine = await t.ok(MINE, { f: { enterpriseId: w.firmId } }, { token: w.commissioner.token });
    expect(mine.commissionerAssignments.edges[0].node).toMatchObject({ lastVisitOn: daysAgo(1), visitOverdue: false });
  });

  it("answers every bad visit with a userError and changes nothing", async () => {
    const fresh = await newFirm("重庆丁");
    await call(w.staff, ASSIGN, { commissionerId: toGlobalId("User", w.commissioner.userId), enterpriseIds: [fresh] });
    const good = { enterpriseId: w.firmId, visitedOn: daysAgo(2), met: "财务总监", findings: "资金周转偏紧。" };
    const secondsFirm = (await t.ok(MINE, {}, { token: second.token })).commissionerAssignments.edges[0].node.enterprise
      .id;
    const theirs = await call(second, LOG, { ...good, enterpriseId: secondsFirm, visitedOn: daysAgo(0) });
    expect(theirs.userErrors).toEqual([]);
    const before = await state();
    const cases: [TestUser, Record<string, unknown>, string, string][] = [
      [w.commissioner, { ...good, visitedOn: daysAgo(-1) }, "VISIT_IN_FUTURE", "visitedOn"],
      [w.commissioner, { ...good, visitedOn: "2026-02-30" }, "INVALID_VALUE", "visitedOn"],
      [w.commissioner, { ...good, visitedOn: "" }, "REQUIRED", "visitedOn"],
      [w.commissioner, { ...good, met: "  " }, "REQUIRED", "met"],
      [w.commissioner, { ...good, findings: "情".repeat(2001) }, "TOO_LONG", "findings"],
      [w.commissioner, { ...good, enterpriseId: w.otherFirmId }, "NOT_YOUR_ENTERPRISE", "enterpriseId"],
      [second, good, "NOT_YOUR_ENTERPRISE", "enterpriseId"],
      // Assigned today: a visit yesterday was not theirs to make.
      [w.commissioner, { ...good, enterpriseId: fresh, visitedOn: daysAgo(1) }, "VISIT_BEFORE_ASSIGNMENT", "visitedOn"],
    ];
    for (const [who, input, code, field] of cases) {
      const res = await call(who, LOG, input);
      expect([res.userErrors[0]?.code, res.userErrors[0]?.field?.[1], res.visit ?? null]).toEqual([code, field, null]);
    }
    // A problem names only a visit its commissioner logged, to the same enterprise.
    const report = (who: TestUser, i: Record<string, unknown>) =>
      call(who, REPORT, { category: "FINANCING", title: "融资", description: "续贷困难。", ...i });
    const ownVisit = (await t.ok(VISITS, { f: { enterpriseId: w.firmId } }, { token: w.commissioner.token })).visits
      .edges[0].node.id;
    expect(
      (await report(w.commissioner, { enterpriseId: w.firmId, visitId: theirs.visit.id })).userErrors[0].code,
    ).toBe("NOT_FOUND");
    expect((await report(w.commissioner, { enterpriseId: fresh, visitId: ownVisit })).userErrors[0].code).toBe(
      "VISIT_OF_ANOTHER_ENTERPRISE",
    );
    expect((await report(w.contact, { enterpriseId: w.firmId, visitId: ownVisit })).userErrors[0].code).toBe(
      "NOT_FOUND",
    );
    expect((await report(w.commissioner, { enterpriseId: w.firmId, visitId: w.firmId })).userErrors[0].code).toBe(
      "NOT_FOUND",
    );
    // Only commissioners log visits.
    const res = await t.gql(LOG, { i: good }, { token: w.contact.token });
    expect(res.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await state()).toEqual(before);
  });

  it("shows a visit to its commissioner, the enterprise's current commissioner, desk staff and leaders only", async () => {
    const visit = (await t.ok(VISITS, { f: { enterpriseId: w.firmId } }, { token: w.commissioner.token })).visits
      .edges[0].node.id;
    const sees = async (who: TestUser) => (await t.ok(VISIT, { id: visit }, { token: who.token })).node?.id === visit;
    const listed = async (who: TestUser) =>
      (await t.ok(VISITS, {}, { token: who.token })).visits.edges.some((e: any) => e.node.id === visit);
    for (const who of [w.commissioner, w.staff, w.leader, w.head]) {
      expect([await sees(who), await listed(who)]).toEqual([true, true]);
    }
    for (const who of [second, w.contact, w.handler, w.otherContact]) {
      expect([await sees(who), await listed(who)]).toEqual([false, false]);
    }
    expect((await t.gql(VISITS, {})).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    // Handed over: the new commissioner carries the history on, the old one keeps what they logged.
    await call(w.staff, ASSIGN, { commissionerId: toGlobalId("User", second.userId), enterpriseIds: [w.firmId] });
    expect(await sees(second)).toBe(true);
    expect(await sees(w.commissioner)).toBe(true);
    // The old commissioner no longer sees the enterprise's problems, nor reports for it.
    const problems = await t.ok(
      `{ problems(first: 50) { edges { node { enterprise { id } } } } }`,
      {},
      { token: w.commissioner.token },
    );
    expect(problems.problems.edges.filter((e: any) => e.node.enterprise.id === w.firmId)).toEqual([]);
    await call(w.staff, ASSIGN, {
      commissionerId: toGlobalId("User", w.commissioner.userId),
      enterpriseIds: [w.firmId],
    });
  });
});
