import "reflect-metadata";
import ExcelJS from "exceljs";
import { TestApp } from "../../../testing/harness";
import { fromGlobalId } from "../../../graphql/ids";
import { beijingDay } from "../../../common/beijing-time";
import { Problem, ProblemEvent } from "../problem.entity";
import { ANSWER, RATE, assignedProblem, deskWorld, must, type DeskWorld } from "./fixtures";

const CATEGORY_ZH: Record<string, string> = { FINANCING: "融资", LAND: "用地", POLICY: "政策" };
const FIGURES = `{ deskFigures { handledTotal
  total { total open overdue closed answered onTime rated satisfied onTimeRate satisfactionRate }
  byDepartment { key departmentId label total open closed }
  byCategory { key total open overdue }
  byLevel { key total }
  byMonth { key total closed } } }`;

describe("the desk's figures", () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let w: DeskWorld;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await deskWorld(t);
  });
  afterAll(() => t.close());

  /** Three problems: one closed satisfied, one reopened one level up, one overdue at the department. */
  async function grow() {
    const closed = await assignedProblem(t, w, "FINANCING");
    await must(t, w.handler, ANSWER, { problemId: closed, answer: "已协调。" });
    await must(t, w.contact, RATE, { problemId: closed, rating: "SATISFIED" });
    const reopened = await assignedProblem(t, w, "LAND");
    await must(t, w.handler, ANSWER, { problemId: reopened, answer: "等待计划。" });
    await must(t, w.contact, RATE, { problemId: reopened, rating: "NOT_SATISFIED" });
    const overdue = await assignedProblem(t, w, "FINANCING");
    await t.ds
      .getRepository(Problem)
      .update({ id: fromGlobalId(overdue)!.id }, { dueAt: new Date(Date.now() - 3600_000) });
  }

  it("counts by department, category, level and month, in the same few statements whatever the size", async () => {
    await grow();
    const small = await t.gql(FIGURES, {}, { token: w.staff.token });
    expect(small.errors).toBeUndefined();
    const f = small.data.deskFigures;
    expect(f.handledTotal).toBe(1);
    expect(f.total).toEqual({
      total: 3,
      open: 2,
      overdue: 1,
      closed: 1,
      answered: 2,
      onTime: 2,
      rated: 2,
      satisfied: 1,
      onTimeRate: 1,
      satisfactionRate: 0.5,
    });
    expect(f.byCategory).toEqual([
      { key: "FINANCING", total: 2, open: 1, overdue: 1 },
      { key: "LAND", total: 1, open: 1, overdue: 0 },
    ]);
    expect(f.byLevel).toEqual([
      { key: "DEPARTMENT", total: 2 },
      { key: "LEADER", total: 1 },
    ]);
    expect(f.byDepartment).toEqual([
      {
        key: String(fromGlobalId(w.deptId)!.id),
        departmentId: w.deptId,
        label: expect.stringMatching(/发展改革委/),
        total: 3,
        open: 2,
        closed: 1,
      },
    ]);
    const month = beijingDay().slice(0, 7);
    expect(f.byMonth).toEqual([{ key: month, total: 3, closed: 1 }]);

    for (let i = 0; i < 3; i++) await grow();
    const large = await t.gql(FIGURES, {}, { token: w.staff.token });
    expect(large.data.deskFigures.total.total).toBe(12);
    // Session, two grouped statements (problems, ratings) for each of five fields: the same for 3 and 12 problems.
    expect(Number(small.headers.get("x-sql-statements"))).toBeGreaterThanOrEqual(6);
    expect(large.headers.get("x-sql-statements")).toBe(small.headers.get("x-sql-statements"));
  });

  it("count every rating round, and months in Beijing time", async () => {
    const FIG = `query($r: DeskFiguresRange) { deskFigures(range: $r) { total { rated satisfied satisfactionRate } byMonth { key total } } }`;
    // Not satisfied, then satisfied with the leader's answer: two ratings, one of them satisfied.
    const id = await assignedProblem(t, w, "POLICY");
    await must(t, w.handler, ANSWER, { problemId: id, answer: "按政策办理。" });
    await must(t, w.contact, RATE, { problemId: id, rating: "NOT_SATISFIED" });
    await must(t, w.leader, ANSWER, { problemId: id, answer: "已协调兑现。" });
    await must(t, w.contact, RATE, { problemId: id, rating: "SATISFIED" });
    const events = await t.ds
      .getRepository(ProblemEvent)
      .find({ where: { problemId: fromGlobalId(id)!.id, kind: "RATED" } });
    expect(events.map((e) => e.rating)).toEqual(["NOT_SATISFIED", "SATISFIED"]);
    // Reported at 17:00 UTC on 30 November 2025: 1 December in Beijing.
    const row = await t.ds.getRepository(Problem).findOneByOrFail({ id: fromGlobalId(id)!.id });
    await t.ds.getRepository(Problem).update({ id: row.id }, { createdAt: new Date("2025-11-30T17:00:00Z") });
    const range = { from: "2025-11-01T00:00:00Z", to: "2025-12-31T00:00:00Z" };
    const res = await t.gql(FIG, { r: range }, { token: w.staff.token });
    expect(res.errors).toBeUndefined();
    expect(res.data.deskFigures).toEqual({
      total: { rated: 2, satisfied: 1, satisfactionRate: 0.5 },
      byMonth: [{ key: "2025-12", total: 1 }],
    });
  });

  it("export as XLSX through a signed link, for desk staff as every export; a range narrows them", async () => {
    const URL_OF = `mutation($i: CreateExportUrlInput!) { createExportUrl(input: $i) { url userErrors { code field } } }`;
    const open = async (input: object, lang = "zh-CN") => {
      const res = await t.ok(URL_OF, { i: { kind: "DESK_FIGURES", ...input } }, { token: w.staff.token, lang });
      expect(res.createExportUrl.userErrors).toEqual([]);
      const file = await fetch(t.url + res.createExportUrl.url);
      expect(file.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await file.arrayBuffer()) as unknown as ExcelJS.Buffer);
      const rows: unknown[][] = [];
      // Empty cells read as null, to the table's eight columns.
      book.worksheets[0].eachRow((row) =>
        rows.push(Array.from({ length: 8 }, (_, i) => (row.values as unknown[])[i + 1] ?? null)),
      );
      return rows;
    };
    const figures = (await t.ok(FIGURES, {}, { token: w.staff.token })).deskFigures;
    const rows = await open({});
    expect(rows[0]).toEqual(["维度", "分组", "问题数", "未办结", "逾期", "已办结", "按期办结率（%）", "满意率（%）"]);
    const t0 = figures.total;
    expect(rows[1]).toEqual([
      "合计",
      null,
      t0.total,
      t0.open,
      t0.overdue,
      t0.closed,
      Math.round(t0.onTimeRate * 1000) / 10,
      Math.round(t0.satisfactionRate * 1000) / 10,
    ]);
    expect(rows.filter((r) => r[0] === "问题类别").map((r) => [r[1], r[2]])).toEqual(
      figures.byCategory.map((c: { key: string; total: number }) => [CATEGORY_ZH[c.key], c.total]),
    );
    expect(rows.filter((r) => r[0] === "承办部门")).toHaveLength(figures.byDepartment.length);
    expect(rows.at(-1)).toEqual(["累计办结（自开通以来）", null, null, null, null, figures.handledTotal, null, null]);
    // Nothing was reported from tomorrow on: the range's totals are zero, the running total is not.
    const later = await open({ from: new Date(Date.now() + 86_400_000).toISOString() }, "en");
    expect(later[0][0]).toBe("Dimension");
    expect(later[1].slice(0, 3)).toEqual(["Total", null, 0]);
    expect(later.at(-1)?.[5]).toBe(figures.handledTotal);
    // The same rule as every export: desk staff only, and the link is theirs alone.
    const leader = await t.gql(URL_OF, { i: { kind: "DESK_FIGURES" } }, { token: w.leader.token });
    expect(leader.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("are for desk staff and the leaders, not for enterprises or departments", async () => {
    const codes = await Promise.all(
      [w.contact, w.handler, w.commissioner].map(
        async (who) => (await t.gql(FIGURES, {}, { token: who.token })).errors?.[0].extensions?.code,
      ),
    );
    expect(codes).toEqual(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"]);
    for (const who of [w.leader, w.head])
      expect((await t.gql(FIGURES, {}, { token: who.token })).errors).toBeUndefined();
  });
});
