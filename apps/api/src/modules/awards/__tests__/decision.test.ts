import "reflect-metadata";
import { TestApp, type TestUser } from "../../../testing/harness";
import { AuditEntry } from "../../audit/audit-entry.entity";
import { Cohort } from "../../training/cohort.entity";
import { Course } from "../../training/course.entity";
import { Enrollment } from "../../training/enrollment.entity";
import { AwardWinner } from "../award-winner.entity";
import {
  EVENLY,
  PHASE,
  RANKING,
  createCycle,
  createProgram,
  enterprise,
  gid,
  judge,
  local,
  nominate,
  person,
  score,
  toPhase,
} from "./fixtures";

let t: TestApp;
let staff: TestUser;
let j1: TestUser;
let j2: TestUser;
let programId: string;
let year = 2000;

const WINNERS = `query($id: ID!) { node(id: $id) { ... on AwardCycle { phase decisionReason winners { name rank } } } }`;
const decide = (cycleId: string, extra: Record<string, unknown> = {}) =>
  t.ok(PHASE, { i: { cycleId, phase: "DECIDED", ...extra } }, { token: staff.token });

/** A JUDGING cycle of `quota` with one nomination per name, both judges assigned to all of them. */
async function judgedCycle(names: string[], quota: number, rules: object[] = []) {
  year += 1;
  const { id, criteria } = await createCycle(t, staff, programId, { year, quota, rules, phase: "NOMINATING" });
  const nominations: string[] = [];
  for (const name of names) nominations.push(await nominate(t, staff, id, (await enterprise(t, name)).gid));
  await t.ok(
    EVENLY,
    { i: { cycleId: id, judgeIds: [j1, j2].map((j) => gid("User", j.userId)), judgesPerNomination: 2 } },
    {
      token: staff.token,
    },
  );
  await toPhase(t, staff, id, "JUDGING");
  return { id, criteria, nominations };
}

beforeAll(async () => {
  t = await TestApp.start();
  staff = await t.user(["STAFF"]);
  j1 = await judge(t, "评委一");
  j2 = await judge(t, "评委二");
  programId = await createProgram(t, staff, "卢作孚光彩奖", "ENTERPRISE");
});
afterAll(() => t.close());

describe("decision", () => {
  it("before all scores are in needs an explicit override with a reason", async () => {
    const { id, criteria, nominations } = await judgedCycle(["重庆甲公司", "重庆乙公司"], 1);
    await score(t, j1, nominations[0], criteria, [9, 9, 9]);
    await score(t, j1, nominations[1], criteria, [7, 7, 7]);
    await score(t, j2, nominations[0], criteria, [8, 8, 8]);

    const early = await decide(id);
    expect(early.changeAwardCyclePhase.userErrors[0]).toMatchObject({
      code: "SCORES_INCOMPLETE",
      message: expect.stringContaining("1"),
    });
    const noReason = await decide(id, { allowIncompleteScores: true });
    expect(noReason.changeAwardCyclePhase.userErrors[0]).toMatchObject({
      code: "REASON_REQUIRED",
      field: ["input", "reason"],
    });
    expect(await t.count(AwardWinner, { cycleId: local(id) })).toBe(0);

    await toPhase(t, staff, id, "DECIDED", { allowIncompleteScores: true, reason: "评委二因病无法完成评分" });
    const decided = (await t.ok(WINNERS, { id }, { token: staff.token })).node;
    expect(decided).toEqual({
      phase: "DECIDED",
      decisionReason: "评委二因病无法完成评分",
      winners: [{ name: "重庆甲公司", rank: 1 }],
    });
    const entry = await t.ds
      .getRepository(AuditEntry)
      .findOneOrFail({ where: { action: "awardCycle.phase", subjectId: local(id) }, order: { id: "DESC" } });
    expect(JSON.parse(entry.details)).toMatchObject({
      to: "DECIDED",
      missingScoreSets: 1,
      reason: "评委二因病无法完成评分",
    });

    // Back to judging: the decision is undone, the scores stay.
    await toPhase(t, staff, id, "JUDGING", { reason: "等待评委二补评" });
    expect(await t.count(AwardWinner, { cycleId: local(id) })).toBe(0);
    await score(t, j2, nominations[1], criteria, [7, 7, 7]);
    await toPhase(t, staff, id, "DECIDED");
    expect((await t.ok(WINNERS, { id }, { token: staff.token })).node.decisionReason).toBeNull();
  });

  it("a tie on the last place is shown as a tie and settled by staff with a reason; so is any other override", async () => {
    const { id, criteria, nominations } = await judgedCycle(["重庆丙公司", "重庆丁公司", "重庆戊公司"], 1);
    for (const j of [j1, j2]) {
      await score(t, j, nominations[0], criteria, [8, 8, 8]);
      await score(t, j, nominations[1], criteria, [8, 8, 8]);
      await score(t, j, nominations[2], criteria, [6, 6, 6]);
    }
    const ranking = (await t.ok(RANKING, { id }, { token: staff.token })).node.ranking;
    expect(ranking.map((r: any) => [r.nomination.nomineeName, r.rank, r.tied])).toEqual([
      ["重庆丙公司", 1, true],
      ["重庆丁公司", 1, true],
      ["重庆戊公司", 3, false],
    ]);
    expect((await decide(id)).changeAwardCyclePhase.userErrors[0]).toMatchObject({
      code: "TIE_AT_QUOTA",
      field: ["input", "winnerNominationIds"],
    });
    const unknown = await decide(id, { winnerNominationIds: [gid("AwardNomination", 99999)], reason: "x" });
    expect(unknown.changeAwardCyclePhase.userErrors[0]).toMatchObject({
      code: "NOT_FOUND",
      field: ["input", "winnerNominationIds"],
    });
    const noReason = await decide(id, { winnerNominationIds: [nominations[1]] });
    expect(noReason.changeAwardCyclePhase.userErrors[0].code).toBe("REASON_REQUIRED");
    expect(await t.count(AwardWinner, { cycleId: local(id) })).toBe(0);

    await toPhase(t, staff, id, "DECIDED", { winnerNominationIds: [nominations[1]], reason: "丁公司社会贡献更突出" });
    expect((await t.ok(WINNERS, { id }, { token: staff.token })).node.winners).toEqual([
      { name: "重庆丁公司", rank: 1 },
    ]);
    const ranked = (await t.ok(RANKING, { id }, { token: staff.token })).node.ranking;
    expect(ranked.map((r: any) => r.winner)).toEqual([false, true, false]);

    // Choosing the lowest-ranked instead of the top one, without a tie, is an override too.
    await toPhase(t, staff, id, "JUDGING", { reason: "重新决定" });
    await score(t, j1, nominations[0], criteria, [9, 9, 9]);
    const override = await decide(id, { winnerNominationIds: [nominations[2]] });
    expect(override.changeAwardCyclePhase.userErrors[0].code).toBe("REASON_REQUIRED");
    await toPhase(t, staff, id, "DECIDED", { winnerNominationIds: [nominations[2]], reason: "评审会集体决定" });
    const entries = await t.ds
      .getRepository(AuditEntry)
      .find({ where: { action: "awardCycle.phase", subjectId: local(id) } });
    expect(
      entries
        .map((e) => JSON.parse(e.details))
        .filter((d) => d.overridden)
        .map((d) => d.reason),
    ).toEqual(["丁公司社会贡献更突出", "评审会集体决定"]);
  });

  it("takes the eligible top N: an ineligible nominee wins only by an override", async () => {
    const lone = await enterprise(t, "重庆己公司");
    const trained = await enterprise(t, "重庆庚公司");
    const founder = await person(t, "孙庚", trained.id);
    const course = await t.ds.getRepository(Course).save({ title: "卢作孚企业家精神专题培训班", organizers: ["学院"] });
    const cohort = await t.ds.getRepository(Cohort).save({
      courseId: course.id,
      number: 1,
      title: "第一期",
      startsOn: "2000-04-01",
      endsOn: "2000-04-03",
      capacity: 40,
      seatsTaken: 1,
      admission: "AUTO",
      status: "COMPLETED",
      completionThreshold: 80,
    });
    await t.ds
      .getRepository(Enrollment)
      .save({ cohortId: cohort.id, traineeId: founder.id, status: "COMPLETED", activeSlot: null });

    year += 1;
    const { id, criteria } = await createCycle(t, staff, programId, {
      year,
      quota: 1,
      rules: [{ type: "COMPLETED_COHORT" }],
      phase: "NOMINATING",
    });
    const a = await nominate(t, staff, id, lone.gid);
    const b = await nominate(t, staff, id, trained.gid);
    await t.ok(
      EVENLY,
      { i: { cycleId: id, judgeIds: [gid("User", j1.userId)], judgesPerNomination: 1 } },
      { token: staff.token },
    );
    await toPhase(t, staff, id, "JUDGING");
    await score(t, j1, a, criteria, [10, 10, 10]);
    await score(t, j1, b, criteria, [6, 6, 6]);
    const ranking = (await t.ok(RANKING, { id }, { token: staff.token })).node.ranking;
    expect(ranking.map((r: any) => [r.nomination.nomineeName, r.rank, r.eligible])).toEqual([
      ["重庆己公司", 1, false],
      ["重庆庚公司", 2, true],
    ]);
    await toPhase(t, staff, id, "DECIDED");
    expect((await t.ok(WINNERS, { id }, { token: staff.token })).node.winners).toEqual([
      { name: "重庆庚公司", rank: 1 },
    ]);
    await toPhase(t, staff, id, "JUDGING", { reason: "复议" });
    await toPhase(t, staff, id, "DECIDED", { winnerNominationIds: [a], reason: "己公司已补交结业材料" });
    expect((await t.ok(WINNERS, { id }, { token: staff.token })).node.winners).toEqual([
      { name: "重庆己公司", rank: 1 },
    ]);
  });

  it("ranks by per-judge z-scores when asked, for the ranking and the decision", async () => {
    const { id, criteria, nominations } = await judgedCycle(
      ["重庆一号公司", "重庆二号公司", "重庆三号公司", "重庆四号公司"],
      2,
    );
    // Each judge scored two nominations: judge one is lenient, judge two uses the whole scale.
    for (const [n, j] of [
      [0, j2],
      [1, j2],
      [2, j1],
      [3, j1],
    ] as const)
      await t.ok(
        `mutation($i: UnassignJudgeInput!) { unassignJudge(input: $i) { userErrors { code } } }`,
        { i: { nominationId: nominations[n], judgeId: gid("User", j.userId) } },
        { token: staff.token },
      );
    await score(t, j1, nominations[0], criteria, [10, 10, 10]);
    await score(t, j1, nominations[1], criteria, [9, 9, 9]);
    await score(t, j2, nominations[2], criteria, [8, 8, 8]);
    await score(t, j2, nominations[3], criteria, [2, 2, 2]);
    const raw = (await t.ok(RANKING, { id, n: false }, { token: staff.token })).node.ranking;
    expect(raw.map((r: any) => r.nomination.nomineeName)).toEqual([
      "重庆一号公司",
      "重庆二号公司",
      "重庆三号公司",
      "重庆四号公司",
    ]);
    const normalized = (await t.ok(RANKING, { id, n: true }, { token: staff.token })).node.ranking;
    expect(normalized.map((r: any) => [r.nomination.nomineeName, r.rank, r.score])).toEqual([
      ["重庆一号公司", 1, 1],
      ["重庆三号公司", 1, 1],
      ["重庆二号公司", 3, -1],
      ["重庆四号公司", 3, -1],
    ]);
    await toPhase(t, staff, id, "DECIDED", { normalizeScores: true });
    expect((await t.ok(WINNERS, { id }, { token: staff.token })).node.winners.map((w: any) => w.name)).toEqual([
      "重庆一号公司",
      "重庆三号公司",
    ]);
  });
});
