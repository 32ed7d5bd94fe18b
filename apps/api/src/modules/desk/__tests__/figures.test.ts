import "reflect-metadata";
import { TestApp } from "../../../testing/harness";
import { fromGlobalId } from "../../../graphql/ids";
import { beijingDay } from "../../../common/beijing-time";
import { Problem, ProblemEvent } from "../problem.entity";
import { ANSWER, RATE, assignedProblem, deskWorld, must, type DeskWorld } from "./fixtures";

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
