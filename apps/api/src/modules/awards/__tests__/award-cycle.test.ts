import "reflect-metadata";
import { TestApp, type TestUser } from "../../../testing/harness";
import { AuditEntry } from "../../audit/audit-entry.entity";
import { Certificate } from "../../training/certificate.entity";
import { AwardCriterion } from "../award-criterion.entity";
import { AwardCycle } from "../award-cycle.entity";
import { AwardWinner } from "../award-winner.entity";
import {
  CREATE_CYCLE,
  CREATE_PROGRAM,
  CRITERIA,
  EVENLY,
  HONOR_ROLL,
  PHASE,
  RANKING,
  UPDATE_CYCLE,
  createCycle,
  createProgram,
  enterprise,
  gid,
  judge,
  local,
  nominate,
  score,
  toPhase,
} from "./fixtures";

let t: TestApp;
let staff: TestUser;
let trainee: TestUser;
let judges: TestUser[];
let programId: string;

const MY = `query { myAwardAssignments(first: 50) { edges { node { id nomination { id nomineeName } } } } }`;
const CYCLE = `query($id: ID!) { node(id: $id) { ... on AwardCycle { phase title winners { name rank } judgingProgress { nominations expectedScoreSets completeScoreSets judges { assigned complete } } } } }`;

beforeAll(async () => {
  t = await TestApp.start();
  staff = await t.user(["STAFF"]);
  trainee = await t.user(["TRAINEE"]);
  judges = [await judge(t, "评委甲"), await judge(t, "评委乙"), await judge(t, "评委丙")];
  programId = await createProgram(t, staff, "优秀民营企业", "ENTERPRISE");
});
afterAll(() => t.close());

describe("programs and cycles", () => {
  it("are created by staff only", async () => {
    const input = { i: { name: "新设奖项", nomineeKind: "ENTERPRISE" } };
    const anonymous = await t.gql(CREATE_PROGRAM, input);
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    for (const who of [trainee, judges[0]]) {
      const res = await t.gql(CREATE_PROGRAM, input, { token: who.token });
      expect(res.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    const cycle = await t.gql(CREATE_CYCLE, { i: { programId, year: 2020, quota: 3 } }, { token: trainee.token });
    expect(cycle.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const taken = await t.ok(
      CREATE_PROGRAM,
      { i: { name: "优秀民营企业", nomineeKind: "ENTREPRENEUR" } },
      { token: staff.token },
    );
    expect(taken.createAwardProgram.userErrors).toEqual([expect.objectContaining({ code: "PROGRAM_NAME_TAKEN" })]);
  });

  it("refuse bad cycles and change nothing", async () => {
    const before = await t.count(AwardCycle);
    const bad = await t.ok(
      CREATE_CYCLE,
      {
        i: {
          programId,
          year: 2019,
          quota: 0,
          criteria: [
            { name: "经营业绩", weight: 0 },
            { name: "经营业绩", weight: 50 },
          ],
          eligibilityRules: [{ type: "HOLDS_HONOR" }, { type: "NOT_RECENT_WINNER", years: 99 }],
        },
      },
      { token: staff.token },
    );
    expect(
      bad.createAwardCycle.userErrors.map((e: { code: string; field: string[] }) => [e.code, e.field.join(".")]),
    ).toEqual([
      ["OUT_OF_RANGE", "input.quota"],
      ["OUT_OF_RANGE", "input.criteria.0.weight"],
      ["DUPLICATE_VALUE", "input.criteria.1.name"],
      ["REQUIRED", "input.eligibilityRules.0.honorKind"],
      ["OUT_OF_RANGE", "input.eligibilityRules.1.years"],
    ]);
    const noCriteria = await t.ok(
      CREATE_CYCLE,
      { i: { programId, year: 2019, quota: 1, criteria: [] } },
      { token: staff.token },
    );
    expect(noCriteria.createAwardCycle.userErrors[0].code).toBe("CRITERIA_REQUIRED");
    const unknown = await t.ok(
      CREATE_CYCLE,
      { i: { programId: gid("AwardProgram", 999), year: 2019, quota: 1 } },
      { token: staff.token },
    );
    expect(unknown.createAwardCycle.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: ["input", "programId"] });
    expect(await t.count(AwardCycle)).toBe(before);

    await createCycle(t, staff, programId, { year: 2019 });
    const twice = await t.ok(CREATE_CYCLE, { i: { programId, year: 2019, quota: 1 } }, { token: staff.token });
    expect(twice.createAwardCycle.userErrors[0]).toMatchObject({ code: "YEAR_TAKEN", field: ["input", "year"] });
    expect(await t.count(AwardCycle)).toBe(before + 1);
  });

  it("moves one phase at a time; back only with a reason; criteria fixed once nominating", async () => {
    const program = await createProgram(t, staff, "阶段测试奖", "ENTERPRISE");
    const empty = await t.ok(CREATE_CYCLE, { i: { programId: program, year: 2024, quota: 1 } }, { token: staff.token });
    const emptyId = empty.createAwardCycle.cycle.id;
    const noCriteria = await t.ok(PHASE, { i: { cycleId: emptyId, phase: "NOMINATING" } }, { token: staff.token });
    expect(noCriteria.changeAwardCyclePhase.userErrors[0].code).toBe("CRITERIA_REQUIRED");

    const { id } = await createCycle(t, staff, program, { year: 2025 });
    for (const phase of ["JUDGING", "DECIDED", "PUBLISHED", "DRAFT"]) {
      const res = await t.ok(PHASE, { i: { cycleId: id, phase, reason: "试试" } }, { token: staff.token });
      expect(res.changeAwardCyclePhase.userErrors[0]).toMatchObject({
        code: "INVALID_TRANSITION",
        field: ["input", "phase"],
      });
    }
    await toPhase(t, staff, id, "NOMINATING");
    const fixed = await t.ok(UPDATE_CYCLE, { i: { cycleId: id, criteria: CRITERIA } }, { token: staff.token });
    expect(fixed.updateAwardCycle.userErrors[0]).toMatchObject({ code: "WRONG_PHASE", field: ["input", "criteria"] });
    const quota = await t.ok(UPDATE_CYCLE, { i: { cycleId: id, quota: 5 } }, { token: staff.token });
    expect(quota.updateAwardCycle.cycle.quota).toBe(5);
    const noReason = await t.ok(PHASE, { i: { cycleId: id, phase: "DRAFT" } }, { token: staff.token });
    expect(noReason.changeAwardCyclePhase.userErrors[0]).toMatchObject({
      code: "REASON_REQUIRED",
      field: ["input", "reason"],
    });
    expect((await t.ds.getRepository(AwardCycle).findOneByOrFail({ id: local(id) })).phase).toBe("NOMINATING");
    await toPhase(t, staff, id, "DRAFT", { reason: "评分标准需要调整" });
    expect(await t.count(AwardCriterion, { cycleId: local(id) })).toBe(3);
    const changed = await t.ok(
      UPDATE_CYCLE,
      { i: { cycleId: id, criteria: CRITERIA.slice(0, 2) } },
      { token: staff.token },
    );
    expect(changed.updateAwardCycle.userErrors).toEqual([]);
    expect(await t.count(AwardCriterion, { cycleId: local(id) })).toBe(2);
    const trainees = await t.gql(PHASE, { i: { cycleId: id, phase: "NOMINATING" } }, { token: trainee.token });
    expect(trainees.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});

describe("a cycle from DRAFT to PUBLISHED through the API", () => {
  it("nominates, judges, decides and publishes: honor roll, certificates, statistics", async () => {
    const { id: cycleId, criteria } = await createCycle(t, staff, programId, {
      year: 2026,
      quota: 2,
      rules: [{ type: "NOT_RECENT_WINNER", years: 2 }],
    });
    const draft = await t.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: cycleId });
    expect(draft.node).toBeNull();
    await toPhase(t, staff, cycleId, "NOMINATING");

    const names = ["重庆嘉陵精工有限公司", "重庆缙云茶业有限公司", "重庆北泉科技有限公司"];
    const nominations: string[] = [];
    for (const name of names) nominations.push(await nominate(t, staff, cycleId, (await enterprise(t, name)).gid));

    const evenly = await t.ok(
      EVENLY,
      { i: { cycleId, judgeIds: judges.map((j) => gid("User", j.userId)), judgesPerNomination: 2 } },
      { token: staff.token },
    );
    expect(evenly.assignJudgesEvenly).toMatchObject({ assignmentsCreated: 6, userErrors: [] });

    await toPhase(t, staff, cycleId, "JUDGING");
    const frozen = await t.ok(
      `query($id: ID!) { node(id: $id) { ... on AwardNomination { dossier { frozenAt eligible } } } }`,
      { id: nominations[0] },
      { token: staff.token },
    );
    expect(frozen.node.dossier).toMatchObject({ frozenAt: expect.any(String), eligible: true });

    // Each nomination earns the same score from every judge: 9, 7, 5.
    const value = new Map(nominations.map((n, i) => [n, 9 - 2 * i]));
    for (const j of judges) {
      const mine = (await t.ok(MY, {}, { token: j.token })).myAwardAssignments.edges;
      expect(mine).toHaveLength(2);
      for (const { node } of mine) {
        const v = value.get(node.nomination.id)!;
        const saved = await score(t, j, node.nomination.id, criteria, [v, v, v]);
        expect(saved.complete).toBe(true);
      }
    }
    const progress = await t.ok(CYCLE, { id: cycleId }, { token: staff.token });
    expect(progress.node.judgingProgress).toMatchObject({ nominations: 3, expectedScoreSets: 6, completeScoreSets: 6 });
    expect(progress.node.judgingProgress.judges.map((j: { assigned: number }) => j.assigned)).toEqual([2, 2, 2]);

    const ranking = await t.ok(RANKING, { id: cycleId }, { token: staff.token });
    expect(ranking.node.ranking.map((r: any) => [r.nomination.nomineeName, r.rank, r.score])).toEqual([
      [names[0], 1, 9],
      [names[1], 2, 7],
      [names[2], 3, 5],
    ]);

    await toPhase(t, staff, cycleId, "DECIDED");
    const decided = await t.ok(CYCLE, { id: cycleId }, { token: staff.token });
    expect(decided.node.winners).toEqual([
      { name: names[0], rank: 1 },
      { name: names[1], rank: 2 },
    ]);
    // Decided is not published: the public sees neither the winners nor the honor roll entries.
    const early = await t.ok(
      CYCLE.replace(
        " judgingProgress { nominations expectedScoreSets completeScoreSets judges { assigned complete } }",
        "",
      ),
      { id: cycleId },
    );
    expect(early.node).toMatchObject({ phase: "DECIDED", winners: [] });
    expect((await t.ok(HONOR_ROLL, { f: { year: 2026 } })).honorRoll.totalCount).toBe(0);
    expect((await t.ok(`{ statistics { commendations } }`)).statistics.commendations).toBe(0);

    await toPhase(t, staff, cycleId, "PUBLISHED");
    const roll = await t.ok(HONOR_ROLL, { f: { year: 2026, programId } });
    expect(
      roll.honorRoll.edges.map((e: any) => [e.node.name, e.node.rank, e.node.source, e.node.program.name]),
    ).toEqual([
      [names[0], 1, "DECISION", "优秀民营企业"],
      [names[1], 2, "DECISION", "优秀民营企业"],
    ]);
    expect((await t.ok(`{ statistics { commendations } }`)).statistics.commendations).toBe(2);
    const published = await t.ok(
      CYCLE.replace(
        " judgingProgress { nominations expectedScoreSets completeScoreSets judges { assigned complete } }",
        "",
      ),
      { id: cycleId },
    );
    expect(published.node).toMatchObject({
      phase: "PUBLISHED",
      title: "2026年度优秀民营企业",
      winners: [{ rank: 1 }, { rank: 2 }],
    });

    // Each winner has an award certificate that verifyCertificate checks like a training certificate.
    const winners = await t.ds
      .getRepository(AwardWinner)
      .find({ where: { cycleId: local(cycleId) }, order: { rank: "ASC" } });
    const certificates = await t.ds
      .getRepository(Certificate)
      .find({ where: winners.map((w) => ({ awardWinnerId: w.id })) });
    expect(certificates).toHaveLength(2);
    const first = certificates.find((c) => c.awardWinnerId === winners[0].id)!;
    const verified = await t.ok(
      `query($c: String!) { verifyCertificate(code: $c) { status holderName title issuer serial } }`,
      { c: first.verificationCode },
    );
    expect(verified.verifyCertificate).toEqual({
      status: "VALID",
      holderName: names[0],
      title: "2026年度优秀民营企业",
      issuer: "中国（卢作孚）民营经济学院",
      serial: first.serial,
    });
    expect(first.serial).toMatch(/^ZFA2026-\d{3}-0001$/);

    const final = await t.ok(PHASE, { i: { cycleId, phase: "DECIDED", reason: "改主意了" } }, { token: staff.token });
    expect(final.changeAwardCyclePhase.userErrors[0].code).toBe("INVALID_TRANSITION");

    const phases = await t.ds
      .getRepository(AuditEntry)
      .findBy({ action: "awardCycle.phase", subjectId: local(cycleId) });
    expect(phases.map((a) => JSON.parse(a.details).to)).toEqual(["NOMINATING", "JUDGING", "DECIDED", "PUBLISHED"]);
  });
});
