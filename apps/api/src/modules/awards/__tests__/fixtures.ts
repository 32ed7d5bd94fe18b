import { creditCodeCheckChar } from "@zuofu/shared";
import type { TestApp, TestUser } from "../../../testing/harness";
import { toGlobalId } from "../../../graphql/ids";
import { Enterprise } from "../../enterprises/enterprise.entity";
import { Trainee } from "../../trainees/trainee.entity";

export const CREATE_PROGRAM = `mutation($i: CreateAwardProgramInput!) { createAwardProgram(input: $i) { program { id name nomineeKind } userErrors { code field message } } }`;
export const CREATE_CYCLE = `mutation($i: CreateAwardCycleInput!) { createAwardCycle(input: $i) { cycle { id year quota phase title criteria { id name weight } eligibilityRules { type honorKind years } } userErrors { code field message } } }`;
export const UPDATE_CYCLE = `mutation($i: UpdateAwardCycleInput!) { updateAwardCycle(input: $i) { cycle { id quota phase } userErrors { code field message } } }`;
export const PHASE = `mutation($i: ChangeAwardCyclePhaseInput!) { changeAwardCyclePhase(input: $i) { cycle { id phase publishedAt } userErrors { code field message } } }`;
export const NOMINATE = `mutation($i: NominateInput!) { nominate(input: $i) { nomination { id status nomineeKind nomineeName source } userErrors { code field message } } }`;
export const WITHDRAW = `mutation($i: WithdrawNominationInput!) { withdrawNomination(input: $i) { nomination { id status withdrawReason } userErrors { code field } } }`;
export const ASSIGN = `mutation($i: AssignJudgesInput!) { assignJudges(input: $i) { nomination { id judges { judge { id } conflict } } userErrors { code field message } } }`;
export const UNASSIGN = `mutation($i: UnassignJudgeInput!) { unassignJudge(input: $i) { nomination { id judges { judge { id } } } userErrors { code field } } }`;
export const EVENLY = `mutation($i: AssignJudgesEvenlyInput!) { assignJudgesEvenly(input: $i) { assignmentsCreated userErrors { code field message } } }`;
export const DECLARE = `mutation($i: DeclareConflictInput!) { declareConflict(input: $i) { assignment { id conflict conflictReason nomination { id } } userErrors { code field } } }`;
export const SCORE = `mutation($i: SubmitScoresInput!) { submitScores(input: $i) { assignment { id complete weightedScore scores { score comment criterion { id } } } userErrors { code field message } } }`;
export const RANKING = `query($id: ID!, $n: Boolean) { node(id: $id) { ... on AwardCycle { ranking(normalize: $n) { rank tied score eligible winner completeScoreSets nomination { id nomineeName } } } } }`;
export const HONOR_ROLL = `query($f: HonorRollFilter, $first: Int, $after: String) { honorRoll(first: $first, after: $after, filter: $f) { totalCount pageInfo { hasNextPage endCursor } edges { node { id year rank name enterpriseName nomineeKind source program { name } } } } }`;

export const gid = toGlobalId;
export const local = (id: string) => Number(Buffer.from(id, "base64url").toString().split(":")[1]);

let codeSeq = 0;
/** A valid unified social credit code of Beibei; `individual` gives a 个体工商户 (registration type 92). */
export function creditCode(individual = false): string {
  codeSeq += 1;
  const first17 = `${individual ? "92" : "91"}500109${String(Date.now() % 1e5).padStart(5, "0")}${String(codeSeq).padStart(4, "0")}`;
  return first17 + creditCodeCheckChar(first17);
}

export async function enterprise(t: TestApp, name: string, individual = false): Promise<{ id: number; gid: string }> {
  const row = await t.ds.getRepository(Enterprise).save({ name, creditCode: creditCode(individual), listed: false });
  return { id: row.id, gid: gid("Enterprise", row.id) };
}

export async function person(
  t: TestApp,
  name: string,
  enterpriseId: number | null,
  userId: number | null = null,
): Promise<{ id: number; gid: string }> {
  const row = await t.ds.getRepository(Trainee).save({ name, enterpriseId, userId });
  return { id: row.id, gid: gid("Trainee", row.id) };
}

/** A judge account; with `enterpriseId`, the judge also has a trainee profile at that enterprise. */
export async function judge(t: TestApp, name: string, enterpriseId?: number): Promise<TestUser> {
  const user = await t.user(["JUDGE"], name);
  if (enterpriseId !== undefined) {
    const profile = await person(t, name, enterpriseId, user.userId);
    user.traineeId = profile.id;
  }
  return user;
}

export async function createProgram(
  t: TestApp,
  staff: TestUser,
  name: string,
  nomineeKind: "ENTERPRISE" | "ENTREPRENEUR" | "INDIVIDUAL_BUSINESS",
): Promise<string> {
  const res = await t.ok(CREATE_PROGRAM, { i: { name, nomineeKind } }, { token: staff.token });
  expect(res.createAwardProgram.userErrors).toEqual([]);
  return res.createAwardProgram.program.id;
}

export const CRITERIA = [
  { name: "经营业绩", weight: 40 },
  { name: "创新能力", weight: 30 },
  { name: "社会责任", weight: 30 },
];

/** A cycle with three criteria (40/30/30), in DRAFT or moved on to `phase`. */
export async function createCycle(
  t: TestApp,
  staff: TestUser,
  programId: string,
  opts: { year: number; quota?: number; rules?: object[]; phase?: "NOMINATING" },
): Promise<{ id: string; criteria: string[] }> {
  const res = await t.ok(
    CREATE_CYCLE,
    {
      i: { programId, year: opts.year, quota: opts.quota ?? 2, criteria: CRITERIA, eligibilityRules: opts.rules ?? [] },
    },
    { token: staff.token },
  );
  expect(res.createAwardCycle.userErrors).toEqual([]);
  const cycle = res.createAwardCycle.cycle;
  if (opts.phase) await toPhase(t, staff, cycle.id, opts.phase);
  return { id: cycle.id, criteria: cycle.criteria.map((c: { id: string }) => c.id) };
}

export async function toPhase(
  t: TestApp,
  staff: TestUser,
  cycleId: string,
  phase: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const res = await t.ok(PHASE, { i: { cycleId, phase, ...extra } }, { token: staff.token });
  expect(res.changeAwardCyclePhase.userErrors).toEqual([]);
  expect(res.changeAwardCyclePhase.cycle.phase).toBe(phase);
}

export async function nominate(t: TestApp, staff: TestUser, cycleId: string, nomineeId: string): Promise<string> {
  const res = await t.ok(
    NOMINATE,
    { i: { cycleId, nomineeId, justification: "带动就业，热心公益。" } },
    { token: staff.token },
  );
  expect(res.nominate.userErrors).toEqual([]);
  return res.nominate.nomination.id;
}

/** Scores every criterion of a nomination with the given values (criteria order). */
export async function score(
  t: TestApp,
  judgeUser: TestUser,
  nominationId: string,
  criteria: string[],
  values: number[],
) {
  const res = await t.ok(
    SCORE,
    {
      i: { nominationId, scores: criteria.map((criterionId, i) => ({ criterionId, score: values[i], comment: "好" })) },
    },
    { token: judgeUser.token },
  );
  expect(res.submitScores.userErrors).toEqual([]);
  return res.submitScores.assignment;
}
