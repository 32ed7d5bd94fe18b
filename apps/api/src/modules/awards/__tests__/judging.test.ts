import "reflect-metadata";
import { TestApp, type TestUser } from "../../../testing/harness";
import { AuditEntry } from "../../audit/audit-entry.entity";
import { Trainee } from "../../trainees/trainee.entity";
import { Chamber } from "../../chambers/chamber.entity";
import { ChamberMembership } from "../../chambers/chamber-membership.entity";
import { AwardJudgeAssignment } from "../award-judge-assignment.entity";
import { AwardScore } from "../award-score.entity";
import {
  ASSIGN,
  DECLARE,
  EVENLY,
  SCORE,
  UNASSIGN,
  UPDATE_CYCLE,
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
let programId: string;

const NODE = `query($id: ID!) { node(id: $id) { id ... on AwardNomination { nomineeName justification dossier { eligible } } ... on AwardJudgeAssignment { conflict scores { score } } ... on AwardScore { score } } }`;
const MY = `query($c: ID) { myAwardAssignments(first: 50, filter: { cycleId: $c }) { edges { node { id nomineeName conflict complete nomination { id } scores { id score comment criterion { name } } } } } }`;
const judgeIds = (js: TestUser[]) => js.map((j) => gid("User", j.userId));

beforeAll(async () => {
  t = await TestApp.start();
  staff = await t.user(["STAFF"]);
  programId = await createProgram(t, staff, "优秀民营企业", "ENTERPRISE");
});
afterAll(() => t.close());

describe("assigning judges", () => {
  it("by hand: judges only, never one with a conflict found in the data", async () => {
    const { id } = await createCycle(t, staff, programId, { year: 2020, phase: "NOMINATING" });
    const nominee = await enterprise(t, "重庆利民食品有限公司");
    const nominationId = await nominate(t, staff, id, nominee.gid);
    const insider = await judge(t, "内部评委", nominee.id);
    const outsider = await judge(t, "外部评委", (await enterprise(t, "别家公司")).id);
    const notJudge = await t.user(["STAFF"], "工作人员");

    const listed = await t.ok(`{ awardJudges(first: 100) { edges { node { name } } } }`, {}, { token: staff.token });
    const names = listed.awardJudges.edges.map((e: any) => e.node.name);
    expect(names).toEqual(expect.arrayContaining(["内部评委", "外部评委"]));
    expect(names).not.toContain("工作人员");
    expect(
      (await t.gql(`{ awardJudges { totalCount } }`, {}, { token: outsider.token })).errors?.[0].extensions?.code,
    ).toBe("FORBIDDEN");

    const before = await t.count(AwardJudgeAssignment);
    const staffAsJudge = await t.ok(
      ASSIGN,
      { i: { nominationId, judgeIds: judgeIds([notJudge]) } },
      { token: staff.token },
    );
    expect(staffAsJudge.assignJudges.userErrors[0]).toMatchObject({
      code: "NOT_A_JUDGE",
      field: ["input", "judgeIds"],
    });
    const unknown = await t.ok(ASSIGN, { i: { nominationId, judgeIds: ["nope"] } }, { token: staff.token });
    expect(unknown.assignJudges.userErrors[0].code).toBe("NOT_FOUND");
    const conflicted = await t.ok(
      ASSIGN,
      { i: { nominationId, judgeIds: judgeIds([outsider, insider]) } },
      { token: staff.token },
    );
    expect(conflicted.assignJudges.userErrors[0]).toMatchObject({
      code: "JUDGE_CONFLICTED",
      message: expect.stringContaining("内部评委"),
    });
    expect(await t.count(AwardJudgeAssignment)).toBe(before);
    expect(
      (await t.gql(ASSIGN, { i: { nominationId, judgeIds: judgeIds([outsider]) } }, { token: outsider.token }))
        .errors?.[0].extensions?.code,
    ).toBe("FORBIDDEN");

    const ok = await t.ok(ASSIGN, { i: { nominationId, judgeIds: judgeIds([outsider]) } }, { token: staff.token });
    expect(ok.assignJudges.nomination.judges).toEqual([
      { judge: { id: gid("User", outsider.userId) }, conflict: null },
    ]);
    await t.ok(ASSIGN, { i: { nominationId, judgeIds: judgeIds([outsider]) } }, { token: staff.token });
    expect(await t.count(AwardJudgeAssignment, { nominationId: local(nominationId) })).toBe(1);
    const removed = await t.ok(
      UNASSIGN,
      { i: { nominationId, judgeId: gid("User", outsider.userId) } },
      { token: staff.token },
    );
    expect(removed.unassignJudge.nomination.judges).toEqual([]);
  });

  it("finds that a judge is the nominee, or works at the nominee's enterprise", async () => {
    const program = await createProgram(t, staff, "优秀民营企业家", "ENTREPRENEUR");
    const { id } = await createCycle(t, staff, program, { year: 2020, phase: "NOMINATING" });
    const firm = await enterprise(t, "重庆金刚碑文旅有限公司");
    const judgeUser = await t.user(["JUDGE"], "钱程");
    const self = await person(t, "钱程", firm.id, judgeUser.userId);
    const colleague = await judge(t, "同事评委", firm.id);
    const selfNomination = await nominate(t, staff, id, self.gid);
    const samePerson = await t.ok(
      ASSIGN,
      { i: { nominationId: selfNomination, judgeIds: judgeIds([judgeUser]) } },
      { token: staff.token },
    );
    expect(samePerson.assignJudges.userErrors[0].message).toContain("评委即被提名人");
    const sameFirm = await t.ok(
      ASSIGN,
      { i: { nominationId: selfNomination, judgeIds: judgeIds([colleague]) } },
      { token: staff.token },
    );
    expect(sameFirm.assignJudges.userErrors[0].message).toContain("同属一家企业");
  });

  it("finds that a judge's enterprise and the nominee's belong to one partner chamber", async () => {
    const program = await createProgram(t, staff, "同会检查奖", "ENTERPRISE");
    const { id } = await createCycle(t, staff, program, { year: 2019, phase: "NOMINATING" });
    const nominee = await enterprise(t, "重庆同会商贸有限公司");
    const judgeFirm = await enterprise(t, "重庆同会评委公司");
    const chamberJudge = await judge(t, "同会评委", judgeFirm.id);
    const chamber = await t.ds.getRepository(Chamber).save({
      name: "重庆市同会商会",
      regionKind: "DOMESTIC",
      city: "重庆",
      partnerSince: "2020-01-01",
      contact: null,
    });
    await t.ds
      .getRepository(ChamberMembership)
      .insert([nominee.id, judgeFirm.id].map((enterpriseId) => ({ chamberId: chamber.id, enterpriseId })));
    const nomination = await nominate(t, staff, id, nominee.gid);
    const res = await t.ok(
      ASSIGN,
      { i: { nominationId: nomination, judgeIds: judgeIds([chamberJudge]) } },
      { token: staff.token },
    );
    expect(res.assignJudges.userErrors[0].message).toContain("同属一家商会");
    expect(await t.count(AwardJudgeAssignment, { judgeUserId: chamberJudge.userId })).toBe(0);
  });

  it("evenly in one step: every nomination gets its judges, loads differ by at most one, no conflicts", async () => {
    const { id } = await createCycle(t, staff, programId, { year: 2021, phase: "NOMINATING" });
    const firms = await Promise.all([0, 1, 2, 3, 4].map((i) => enterprise(t, `重庆均衡${i}有限公司`)));
    for (const f of firms) await nominate(t, staff, id, f.gid);
    const judges = [
      await judge(t, "甲", firms[0].id),
      await judge(t, "乙"),
      await judge(t, "丙"),
      await judge(t, "丁"),
    ];

    const zero = await t.ok(
      EVENLY,
      { i: { cycleId: id, judgeIds: judgeIds(judges), judgesPerNomination: 0 } },
      { token: staff.token },
    );
    expect(zero.assignJudgesEvenly.userErrors[0]).toMatchObject({
      code: "OUT_OF_RANGE",
      field: ["input", "judgesPerNomination"],
    });
    const res = await t.ok(
      EVENLY,
      { i: { cycleId: id, judgeIds: judgeIds(judges), judgesPerNomination: 2 } },
      { token: staff.token },
    );
    expect(res.assignJudgesEvenly).toMatchObject({ assignmentsCreated: 10, userErrors: [] });
    const rows = await t.ds.getRepository(AwardJudgeAssignment).findBy({ cycleId: local(id) });
    const loads = judges.map((j) => rows.filter((a) => a.judgeUserId === j.userId).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    const perNomination = new Map<number, number>();
    for (const a of rows) perNomination.set(a.nominationId, (perNomination.get(a.nominationId) ?? 0) + 1);
    expect([...perNomination.values()]).toEqual([2, 2, 2, 2, 2]);
    const firstNomination = Math.min(...rows.map((a) => a.nominationId));
    expect(rows.some((a) => a.judgeUserId === judges[0].userId && a.nominationId === firstNomination)).toBe(false);
    // Run again: everyone has their judges already.
    const again = await t.ok(
      EVENLY,
      { i: { cycleId: id, judgeIds: judgeIds(judges), judgesPerNomination: 2 } },
      { token: staff.token },
    );
    expect(again.assignJudgesEvenly.assignmentsCreated).toBe(0);

    // Not enough judges without a conflict: nothing at all is assigned.
    const { id: other } = await createCycle(t, staff, programId, { year: 2022, phase: "NOMINATING" });
    await nominate(t, staff, other, firms[0].gid);
    await nominate(t, staff, other, firms[1].gid);
    const short = await t.ok(
      EVENLY,
      { i: { cycleId: other, judgeIds: judgeIds(judges.slice(0, 2)), judgesPerNomination: 2 } },
      { token: staff.token },
    );
    expect(short.assignJudgesEvenly.userErrors).toEqual([
      expect.objectContaining({ code: "NOT_ENOUGH_JUDGES", message: expect.stringContaining("重庆均衡0有限公司") }),
    ]);
    expect(await t.count(AwardJudgeAssignment, { cycleId: local(other) })).toBe(0);
  });
});

describe("scoring and what each one sees", () => {
  let cycleId: string;
  let criteria: string[];
  let otherCriteria: string[];
  let a: string;
  let b: string;
  let d: string;
  let j1: TestUser;
  let j2: TestUser;
  let j3: TestUser;
  let j4: TestUser;

  beforeAll(async () => {
    ({ id: cycleId, criteria } = await createCycle(t, staff, programId, { year: 2023, phase: "NOMINATING" }));
    ({ criteria: otherCriteria } = await createCycle(t, staff, programId, { year: 2024 }));
    const firms = await Promise.all(["甲", "乙", "丁"].map((n) => enterprise(t, `重庆评分${n}有限公司`)));
    a = await nominate(t, staff, cycleId, firms[0].gid);
    b = await nominate(t, staff, cycleId, firms[1].gid);
    d = await nominate(t, staff, cycleId, firms[2].gid);
    j1 = await judge(t, "评委一");
    j2 = await judge(t, "评委二");
    j3 = await judge(t, "评委三");
    j4 = await judge(t, "评委四", (await enterprise(t, "评委四的公司")).id);
    await t.ok(ASSIGN, { i: { nominationId: a, judgeIds: judgeIds([j1, j2]) } }, { token: staff.token });
    await t.ok(ASSIGN, { i: { nominationId: b, judgeIds: judgeIds([j2]) } }, { token: staff.token });
    await t.ok(ASSIGN, { i: { nominationId: d, judgeIds: judgeIds([j4]) } }, { token: staff.token });
  });

  it("refuses scores outside JUDGING, out of range, of another cycle's criteria, twice the same, or from an unassigned judge", async () => {
    const early = await t.ok(
      SCORE,
      { i: { nominationId: a, scores: [{ criterionId: criteria[0], score: 8 }] } },
      { token: j1.token },
    );
    expect(early.submitScores.userErrors[0]).toMatchObject({ code: "WRONG_PHASE", field: ["input", "nominationId"] });
    await toPhase(t, staff, cycleId, "JUDGING");

    const bad = await t.ok(
      SCORE,
      {
        i: {
          nominationId: a,
          scores: [
            { criterionId: criteria[0], score: 11 },
            { criterionId: criteria[1], score: -1 },
            { criterionId: criteria[1], score: 5 },
          ],
        },
      },
      { token: j1.token },
    );
    expect(bad.submitScores.userErrors.map((e: any) => [e.code, e.field.join(".")])).toEqual([
      ["OUT_OF_RANGE", "input.scores.0.score"],
      ["OUT_OF_RANGE", "input.scores.1.score"],
      ["DUPLICATE_VALUE", "input.scores.2.criterionId"],
    ]);
    // A half point is refused, not rounded: the judge sees why beside the field.
    const half = await t.ok(
      SCORE,
      { i: { nominationId: a, scores: [{ criterionId: criteria[0], score: 8.5 }] } },
      { token: j1.token },
    );
    expect(half.submitScores.userErrors).toEqual([
      { code: "NOT_WHOLE_NUMBER", field: ["input", "scores", "0", "score"], message: "分数须为0到10之间的整数" },
    ]);
    const foreign = await t.ok(
      SCORE,
      { i: { nominationId: a, scores: [{ criterionId: otherCriteria[0], score: 5 }] } },
      { token: j1.token },
    );
    expect(foreign.submitScores.userErrors[0]).toMatchObject({
      code: "WRONG_CRITERION",
      field: ["input", "scores", "0", "criterionId"],
    });
    const unassigned = await t.ok(
      SCORE,
      { i: { nominationId: a, scores: [{ criterionId: criteria[0], score: 5 }] } },
      { token: j3.token },
    );
    expect(unassigned.submitScores.userErrors[0]).toMatchObject({
      code: "NOT_ASSIGNED",
      field: ["input", "nominationId"],
    });
    const notJudge = await t.gql(
      SCORE,
      { i: { nominationId: a, scores: [{ criterionId: criteria[0], score: 5 }] } },
      { token: staff.token },
    );
    expect(notJudge.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const anonymous = await t.gql(SCORE, { i: { nominationId: a, scores: [{ criterionId: criteria[0], score: 5 }] } });
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(await t.count(AwardScore, { cycleId: local(cycleId) })).toBe(0);
  });

  it("saves a partial score set, completes and edits it, and audits every change", async () => {
    const partial = await t.ok(
      SCORE,
      { i: { nominationId: a, scores: [{ criterionId: criteria[0], score: 6, comment: "稳健" }] } },
      { token: j1.token },
    );
    expect(partial.submitScores.assignment).toMatchObject({ complete: false, weightedScore: null });
    const full = await score(t, j1, a, criteria, [8, 7, 9]);
    expect(full.complete).toBe(true);
    // Weights 40, 30, 30: (8×40 + 7×30 + 9×30) / 100.
    expect(full.weightedScore).toBe(8);
    expect(full.scores.map((s: any) => s.score)).toEqual([8, 7, 9]);
    expect((await score(t, j1, a, criteria, [8, 7, 10])).weightedScore).toBe(8.3);
    expect(await t.count(AwardScore, { cycleId: local(cycleId) })).toBe(3);
    const audits = await t.ds
      .getRepository(AuditEntry)
      .find({ where: { action: "awardScore.submit" }, order: { id: "ASC" } });
    expect(audits.map((x) => JSON.parse(x.details).changes.map((c: any) => [c.from, c.to]))).toEqual([
      [[null, 6]],
      [
        [6, 8],
        [null, 7],
        [null, 9],
      ],
      [[9, 10]],
    ]);
    await score(t, j2, a, criteria, [5, 5, 5]);
  });

  it("keeps nominations and scores from anyone but staff and the judge concerned", async () => {
    const j1Assignment = await t.ds
      .getRepository(AwardJudgeAssignment)
      .findOneByOrFail({ nominationId: local(a), judgeUserId: j1.userId });
    const j2Assignment = await t.ds
      .getRepository(AwardJudgeAssignment)
      .findOneByOrFail({ nominationId: local(a), judgeUserId: j2.userId });
    const j1Score = await t.ds
      .getRepository(AwardScore)
      .findOneByOrFail({ assignmentId: j1Assignment.id, criterionId: local(criteria[0]) });
    const ids = {
      nomination: a,
      j1Assignment: gid("AwardJudgeAssignment", j1Assignment.id),
      j2Assignment: gid("AwardJudgeAssignment", j2Assignment.id),
      j1Score: gid("AwardScore", j1Score.id),
    };
    const trainee = await t.user(["TRAINEE"]);
    const see = async (token: string | undefined) => {
      const out: Record<string, boolean> = {};
      for (const [k, id] of Object.entries(ids)) out[k] = Boolean((await t.ok(NODE, { id }, { token })).node);
      return out;
    };
    const none = { nomination: false, j1Assignment: false, j2Assignment: false, j1Score: false };
    expect(await see(undefined)).toEqual(none);
    expect(await see(trainee.token)).toEqual(none);
    expect(await see(j3.token)).toEqual(none);
    expect(await see(j1.token)).toEqual({ nomination: true, j1Assignment: true, j2Assignment: false, j1Score: true });
    expect(await see(j2.token)).toEqual({ nomination: true, j1Assignment: false, j2Assignment: true, j1Score: false });
    expect(await see(staff.token)).toEqual({ nomination: true, j1Assignment: true, j2Assignment: true, j1Score: true });

    // A judge sees their own scores only, never the other judges' or the ranking.
    const mine = (await t.ok(MY, { c: cycleId }, { token: j1.token })).myAwardAssignments.edges;
    expect(mine.map((e: any) => e.node.scores.map((s: any) => s.score))).toEqual([[8, 7, 10]]);
    const theirs = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on AwardNomination { judges { scores { score } } } } }`,
      { id: a },
      { token: j1.token },
    );
    expect(theirs.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const CYCLE_FIELDS = [
      "ranking { rank }",
      "judgingProgress { completeScoreSets }",
      "nominations(first: 5) { totalCount }",
      "decisionReason",
    ];
    for (const field of CYCLE_FIELDS) {
      const q = `query($id: ID!) { node(id: $id) { ... on AwardCycle { ${field} } } }`;
      expect((await t.gql(q, { id: cycleId }, { token: j1.token })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect((await t.gql(q, { id: cycleId }, { token: trainee.token })).errors?.[0].extensions?.code).toBe(
        "FORBIDDEN",
      );
      expect((await t.gql(q, { id: cycleId })).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    }
    expect((await t.gql(MY, { c: cycleId })).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect((await t.gql(MY, { c: cycleId }, { token: trainee.token })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("a declared conflict hides the nomination from the judge and removes their scores", async () => {
    await score(t, j2, b, criteria, [6, 6, 6]);
    const declared = await t.ok(
      DECLARE,
      { i: { nominationId: b, reason: "该企业负责人是我的亲属" } },
      { token: j2.token },
    );
    expect(declared.declareConflict.assignment).toMatchObject({ conflict: "DECLARED", nomination: null });
    const assignment = await t.ds
      .getRepository(AwardJudgeAssignment)
      .findOneByOrFail({ nominationId: local(b), judgeUserId: j2.userId });
    expect(await t.count(AwardScore, { assignmentId: assignment.id })).toBe(0);
    const again = await t.ok(
      SCORE,
      { i: { nominationId: b, scores: [{ criterionId: criteria[0], score: 9 }] } },
      { token: j2.token },
    );
    expect(again.submitScores.userErrors[0].code).toBe("CONFLICT_OF_INTEREST");
    expect((await t.ok(NODE, { id: b }, { token: j2.token })).node).toBeNull();
    const list = (await t.ok(MY, { c: cycleId }, { token: j2.token })).myAwardAssignments.edges.map((e: any) => e.node);
    expect(list.find((n: any) => n.conflict === "DECLARED")).toMatchObject({
      nomineeName: "重庆评分乙有限公司",
      nomination: null,
    });
    const notMine = await t.ok(DECLARE, { i: { nominationId: b } }, { token: j3.token });
    expect(notMine.declareConflict.userErrors[0].code).toBe("NOT_ASSIGNED");
    expect(await t.count(AuditEntry, { action: "awardJudgeAssignment.declareConflict" })).toBe(1);
  });

  it("a conflict that appears in the data after assignment stops the judge too", async () => {
    const firmOfD = (await t.ds.query(`SELECT enterprise_id AS e FROM award_nomination WHERE id = ?`, [local(d)]))[0].e;
    await t.ds.getRepository(Trainee).update({ id: j4.traineeId! }, { enterpriseId: Number(firmOfD) });
    const res = await t.ok(
      SCORE,
      { i: { nominationId: d, scores: [{ criterionId: criteria[0], score: 9 }] } },
      { token: j4.token },
    );
    expect(res.submitScores.userErrors[0].code).toBe("CONFLICT_OF_INTEREST");
    expect((await t.ok(NODE, { id: d }, { token: j4.token })).node).toBeNull();
    const list = (await t.ok(MY, { c: cycleId }, { token: j4.token })).myAwardAssignments.edges.map((e: any) => e.node);
    expect(list).toEqual([expect.objectContaining({ conflict: "SAME_ENTERPRISE", nomination: null })]);
  });

  it("scores stay editable until judging ends", async () => {
    await t.ok(
      UPDATE_CYCLE,
      { i: { cycleId, judgingEndsAt: new Date(Date.now() - 1000).toISOString() } },
      { token: staff.token },
    );
    const late = await t.ok(
      SCORE,
      { i: { nominationId: a, scores: [{ criterionId: criteria[0], score: 1 }] } },
      { token: j1.token },
    );
    expect(late.submitScores.userErrors[0].code).toBe("JUDGING_CLOSED");
    expect(
      (await t.ds.getRepository(AwardScore).findOneByOrFail({ criterionId: local(criteria[0]), score: 8 })).score,
    ).toBe(8);
  });
});
