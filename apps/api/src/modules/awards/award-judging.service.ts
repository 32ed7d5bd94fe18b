import { In, type EntityManager } from "typeorm";
import type { RequestContext } from "../../graphql/context";
import { fail, UserErrors, type UserErrorSpec } from "../../graphql/errors";
import { paginate, type ConnectionArgs, type Page } from "../../graphql/connection";
import { InputCheck } from "../../common/input-check";
import { audit, subjectOf } from "../audit/audit.service";
import { isDuplicateKey } from "../../db/dialect";
import { User } from "../accounts/user.entity";
import { AwardCriterion } from "./award-criterion.entity";
import type { AwardCycle } from "./award-cycle.entity";
import { AwardJudgeAssignment } from "./award-judge-assignment.entity";
import { AwardNomination } from "./award-nomination.entity";
import { AwardScore } from "./award-score.entity";
import type { ConflictKind } from "./award.enums";
import type { AwardJudgingProgress, AwardRankingEntry } from "./award.inputs";
import { assignmentsByNomination, judgedNominationsByTrainee, winnerByNomination } from "./award.loaders";
import { dossierByNomination } from "./award-dossier.service";
import { lockCycle, lockCycleOfNomination } from "./cycle-lock";
import { conflictOfAssignment, findConflicts, pairKey } from "./judge-conflicts";
import { doneWithItems, itemError, outOfRange } from "./list-input";
import { nomineeInfo } from "./award-nomination.service";
import { rankNominations, type ScoreSheet } from "./award-ranking";
import { notify } from "../notifications/notification.service";
import { cycleParams } from "./award-recipients";

/** Judges are assigned and declare conflicts while nominations are open or being judged. */
function assertAssignable(cycle: AwardCycle, field: string): void {
  if (cycle.phase !== "NOMINATING" && cycle.phase !== "JUDGING") fail("WRONG_PHASE", field, { phase: cycle.phase });
}

/** Active accounts with the JUDGE role, in the order given; anything else is a user error. */
async function judgesOf(em: EntityManager, ids: (number | null)[], field: string): Promise<User[]> {
  if (!ids.length) fail("REQUIRED", field);
  if (ids.some((id) => id === null)) fail("NOT_FOUND", field);
  const users = await em.findBy(User, { id: In(ids as number[]) });
  const byId = new Map(users.map((u) => [u.id, u]));
  const judges = [...new Set(ids as number[])].map((id) => byId.get(id));
  if (judges.some((u) => !u)) fail("NOT_FOUND", field);
  const notJudge = judges.find((u) => !u!.active || !u!.roles.includes("JUDGE"));
  if (notJudge) fail("NOT_A_JUDGE", field, { name: notJudge.name });
  return judges as User[];
}

export async function assignJudges(
  ctx: RequestContext,
  nominationId: number | null,
  judgeIds: (number | null)[],
): Promise<AwardNomination> {
  ctx.requireRole("STAFF");
  return ctx.transaction(async (tx) => {
    const cycle = await lockCycleOfNomination(tx, nominationId);
    if (!cycle) return fail("NOT_FOUND", "nominationId");
    const nomination = await tx.em.findOneByOrFail(AwardNomination, { id: nominationId! });
    assertAssignable(cycle, "nominationId");
    if (nomination.status !== "ACTIVE") fail("WRONG_STATUS", "nominationId", { status: nomination.status });
    const judges = await judgesOf(tx.em, judgeIds, "judgeIds");
    const conflicts = await findConflicts(
      tx.em,
      judges.map((j) => ({ judgeUserId: j.id, nomination })),
    );
    const conflicted = judges.find((j) => conflicts.has(pairKey(j.id, nomination.id)));
    if (conflicted)
      fail("JUDGE_CONFLICTED", "judgeIds", {
        name: conflicted.name,
        conflict: conflicts.get(pairKey(conflicted.id, nomination.id))!,
      });
    const existing = new Set(
      (await tx.em.findBy(AwardJudgeAssignment, { nominationId: nomination.id })).map((a) => a.judgeUserId),
    );
    const added = judges.filter((j) => !existing.has(j.id)).map((j) => j.id);
    if (added.length)
      await tx.em.insert(
        AwardJudgeAssignment,
        added.map((judgeUserId) => ({ cycleId: cycle.id, nominationId: nomination.id, judgeUserId })),
      );
    await audit(tx, "awardNomination.assignJudges", subjectOf(nomination), { added });
    await notify(tx, added, "JUDGE_ASSIGNED", { ...(await cycleParams(tx, cycle.id)), count: 1 });
    return nomination;
  });
}

export async function unassignJudge(
  ctx: RequestContext,
  nominationId: number | null,
  judgeUserId: number | null,
): Promise<AwardNomination> {
  ctx.requireRole("STAFF");
  return ctx.transaction(async (tx) => {
    const cycle = await lockCycleOfNomination(tx, nominationId);
    if (!cycle) return fail("NOT_FOUND", "nominationId");
    assertAssignable(cycle, "nominationId");
    const nomination = await tx.em.findOneByOrFail(AwardNomination, { id: nominationId! });
    const assignment = judgeUserId
      ? await tx.em.findOneBy(AwardJudgeAssignment, { nominationId: nomination.id, judgeUserId })
      : null;
    if (!assignment) return fail("NOT_FOUND", "judgeId");
    const scores = await tx.em.delete(AwardScore, { assignmentId: assignment.id });
    await tx.em.delete(AwardJudgeAssignment, { id: assignment.id });
    await audit(tx, "awardNomination.unassignJudge", subjectOf(nomination), {
      judgeUserId,
      scoresRemoved: scores.affected ?? 0,
    });
    return nomination;
  });
}

/**
 * Gives every active nomination `perNomination` judges without a conflict, each time taking the
 * judges with the fewest assignments in the cycle so far: loads differ by at most one unless
 * conflicts forbid it. Assignments already made count; nothing is assigned unless all fit.
 */
export async function assignJudgesEvenly(
  ctx: RequestContext,
  cycleId: number | null,
  judgeIds: (number | null)[],
  perNomination: number,
): Promise<number> {
  ctx.requireRole("STAFF");
  const check = new InputCheck();
  check.integer(perNomination, "judgesPerNomination", 1, Math.max(1, judgeIds.length));
  check.done();
  return ctx.transaction(async (tx) => {
    const cycle = await lockCycle(tx, cycleId);
    if (!cycle) return fail("NOT_FOUND", "cycleId");
    assertAssignable(cycle, "cycleId");
    const judges = await judgesOf(tx.em, judgeIds, "judgeIds");
    const nominations = await tx.em.find(AwardNomination, {
      where: { cycleId: cycle.id, status: "ACTIVE" },
      order: { id: "ASC" },
    });
    const existing = await tx.em.findBy(AwardJudgeAssignment, { cycleId: cycle.id });
    const conflicts = await findConflicts(tx.em, [
      ...nominations.flatMap((nomination) => judges.map((j) => ({ judgeUserId: j.id, nomination }))),
      ...existing.flatMap((a) => {
        const nomination = nominations.find((n) => n.id === a.nominationId);
        return nomination ? [{ judgeUserId: a.judgeUserId, nomination }] : [];
      }),
    ]);
    const active = new Set(nominations.map((n) => n.id));
    const effective = existing.filter(
      (a) =>
        active.has(a.nominationId) && !a.conflictDeclaredAt && !conflicts.has(pairKey(a.judgeUserId, a.nominationId)),
    );
    const load = new Map(judges.map((j) => [j.id, effective.filter((a) => a.judgeUserId === j.id).length]));
    const names = await nomineeInfo(tx.em, nominations);
    const created: { cycleId: number; nominationId: number; judgeUserId: number }[] = [];
    const errors: UserErrorSpec[] = [];
    for (const n of nominations) {
      const taken = new Set(existing.filter((a) => a.nominationId === n.id).map((a) => a.judgeUserId));
      const need = perNomination - effective.filter((a) => a.nominationId === n.id).length;
      if (need <= 0) continue;
      const candidates = judges
        .filter((j) => !taken.has(j.id) && !conflicts.has(pairKey(j.id, n.id)))
        .sort((a, b) => load.get(a.id)! - load.get(b.id)!);
      if (candidates.length < need) {
        errors.push({
          code: "NOT_ENOUGH_JUDGES",
          field: ["input", "judgeIds"],
          params: { field: "judgeIds", nominee: names.get(n.id)?.name ?? "" },
        });
        continue;
      }
      for (const judge of candidates.slice(0, need)) {
        load.set(judge.id, load.get(judge.id)! + 1);
        created.push({ cycleId: cycle.id, nominationId: n.id, judgeUserId: judge.id });
      }
    }
    if (errors.length) throw new UserErrors(errors);
    for (let i = 0; i < created.length; i += 500) await tx.em.insert(AwardJudgeAssignment, created.slice(i, i + 500));
    await audit(tx, "awardCycle.assignJudgesEvenly", subjectOf(cycle), {
      judges: judges.map((j) => j.id),
      perNomination,
      created: created.length,
    });
    await notify(
      tx,
      created.map((a) => a.judgeUserId),
      "JUDGE_ASSIGNED",
      await cycleParams(tx, cycle.id),
      (u) => ({ count: created.filter((a) => a.judgeUserId === u).length }),
    );
    return created.length;
  });
}

/** A judge declares a conflict: from then on they neither see nor score the nomination. */
export async function declareConflict(
  ctx: RequestContext,
  nominationId: number | null,
  reason?: string | null,
): Promise<AwardJudgeAssignment> {
  const viewer = ctx.requireRole("JUDGE");
  const check = new InputCheck();
  const why = check.text(reason, "reason", { max: 500 }) ?? null;
  check.done();
  return ctx.transaction(async (tx) => {
    const cycle = await lockCycleOfNomination(tx, nominationId);
    if (!cycle) return fail("NOT_FOUND", "nominationId");
    const assignment = await tx.em.findOneBy(AwardJudgeAssignment, {
      nominationId: nominationId!,
      judgeUserId: viewer.userId,
    });
    if (!assignment) return fail("NOT_ASSIGNED", "nominationId");
    assertAssignable(cycle, "nominationId");
    if (assignment.conflictDeclaredAt) return assignment;
    Object.assign(assignment, { conflictDeclaredAt: new Date(), conflictReason: why });
    await tx.em.save(assignment);
    const scores = await tx.em.delete(AwardScore, { assignmentId: assignment.id });
    await audit(tx, "awardJudgeAssignment.declareConflict", subjectOf(assignment), {
      nominationId,
      reason: why,
      scoresRemoved: scores.affected ?? 0,
    });
    return assignment;
  });
}

export interface ScoreEntry {
  criterionId: number | null;
  score: number;
  comment?: string | null;
}

/**
 * A judge saves their score set for one nomination (some criteria or all), editable until
 * JUDGING ends. Only an assigned judge without a conflict scores, and only this cycle's criteria.
 */
export async function submitScores(
  ctx: RequestContext,
  nominationId: number | null,
  entries: ScoreEntry[],
): Promise<AwardJudgeAssignment> {
  const viewer = ctx.requireRole("JUDGE");
  const check = new InputCheck();
  if (!entries.length) check.add("REQUIRED", "scores");
  const items: UserErrorSpec[] = [];
  const seen = new Set<number>();
  entries.forEach((e, i) => {
    if (e.criterionId === null) items.push(itemError("NOT_FOUND", "scores", i, "criterionId"));
    else if (seen.has(e.criterionId)) items.push(itemError("DUPLICATE_VALUE", "scores", i, "criterionId"));
    else seen.add(e.criterionId);
    if (typeof e.score === "number" && !Number.isInteger(e.score))
      items.push(itemError("NOT_WHOLE_NUMBER", "scores", i, "score", { min: 0, max: 10 }));
    else if (outOfRange(e.score, 0, 10))
      items.push(itemError("OUT_OF_RANGE", "scores", i, "score", { min: 0, max: 10 }));
    if ((e.comment ?? "").length > 1000) items.push(itemError("TOO_LONG", "scores", i, "comment", { max: 1000 }));
  });
  doneWithItems(check, items);
  const save = () =>
    ctx.transaction(async (tx) => {
      const cycle = await lockCycleOfNomination(tx, nominationId);
      if (!cycle) return fail("NOT_FOUND", "nominationId");
      const nomination = await tx.em.findOneByOrFail(AwardNomination, { id: nominationId! });
      const assignment = await tx.em.findOneBy(AwardJudgeAssignment, {
        nominationId: nomination.id,
        judgeUserId: viewer.userId,
      });
      if (!assignment) return fail("NOT_ASSIGNED", "nominationId");
      if (assignment.conflictDeclaredAt) fail("CONFLICT_OF_INTEREST", "nominationId");
      const found = await findConflicts(tx.em, [{ judgeUserId: viewer.userId, nomination }]);
      if (found.size) fail("CONFLICT_OF_INTEREST", "nominationId");
      if (cycle.phase !== "JUDGING") fail("WRONG_PHASE", "nominationId", { phase: cycle.phase });
      if (cycle.judgingEndsAt && cycle.judgingEndsAt <= new Date()) fail("JUDGING_CLOSED", "nominationId");
      if (nomination.status !== "ACTIVE") fail("WRONG_STATUS", "nominationId", { status: nomination.status });
      const criteria = new Set(
        (await tx.em.find(AwardCriterion, { select: { id: true }, where: { cycleId: cycle.id } })).map((c) => c.id),
      );
      const foreign = entries.flatMap((e, i) =>
        criteria.has(e.criterionId!) ? [] : [itemError("WRONG_CRITERION", "scores", i, "criterionId")],
      );
      if (foreign.length) throw new UserErrors(foreign);
      const existing = new Map(
        (await tx.em.findBy(AwardScore, { assignmentId: assignment.id })).map((s) => [s.criterionId, s]),
      );
      const changes: { criterionId: number; from: number | null; to: number }[] = [];
      for (const e of entries) {
        const comment = e.comment?.trim() || null;
        const row = existing.get(e.criterionId!);
        if (row && row.score === e.score && row.comment === comment) continue;
        changes.push({ criterionId: e.criterionId!, from: row?.score ?? null, to: e.score });
        if (row) await tx.em.update(AwardScore, { id: row.id }, { score: e.score, comment });
        else
          await tx.em.insert(AwardScore, {
            cycleId: cycle.id,
            assignmentId: assignment.id,
            criterionId: e.criterionId!,
            score: e.score,
            comment,
          });
      }
      if (changes.length)
        await audit(tx, "awardScore.submit", subjectOf(assignment), { nominationId: nomination.id, changes });
      return assignment;
    });
  try {
    return await save();
  } catch (err) {
    // The same judge saved twice at once: the other request's rows exist now, so this one updates them.
    if (isDuplicateKey(err)) return save();
    throw err;
  }
}

/** Staff see every nomination; a judge only those assigned to them without a conflict. */
export function canSeeNomination(ctx: RequestContext, nomination: AwardNomination): boolean | Promise<boolean> {
  if (ctx.hasRole("STAFF", "ADMIN")) return true;
  if (!ctx.viewer || !ctx.hasRole("JUDGE")) return false;
  return judgeSeesNomination(ctx, nomination);
}

async function judgeSeesNomination(ctx: RequestContext, nomination: AwardNomination): Promise<boolean> {
  const own = (await ctx.loader(assignmentsByNomination).load(nomination.id))!.find(
    (a) => a.judgeUserId === ctx.viewer!.userId,
  );
  return Boolean(own && !(await ctx.loader(conflictOfAssignment).load(own)));
}

/** Whether the signed-in judge judges a nomination of this person (and may see it). */
export async function judgeSeesNominee(ctx: RequestContext, traineeId: number): Promise<boolean> {
  for (const nomination of (await ctx.load(judgedNominationsByTrainee, traineeId))!)
    if (await canSeeNomination(ctx, nomination)) return true;
  return false;
}

/** Active accounts with the JUDGE role, for staff to assign. */
export function listJudges(ctx: RequestContext, args: ConnectionArgs): Promise<Page<User>> {
  ctx.requireRole("STAFF");
  const qb = ctx.em
    .createQueryBuilder(User, "user")
    .where("user.roles LIKE :role AND user.active = :active", { role: "%JUDGE%", active: true });
  return paginate(qb, args, []);
}

export function myAssignments(
  ctx: RequestContext,
  cycleId: number | null | undefined,
  args: ConnectionArgs,
): Promise<Page<AwardJudgeAssignment>> {
  const viewer = ctx.requireRole("JUDGE");
  const qb = ctx.em
    .createQueryBuilder(AwardJudgeAssignment, "assignment")
    .where("assignment.judge_user_id = :me", { me: viewer.userId });
  if (cycleId !== undefined) qb.andWhere("assignment.cycle_id = :cid", { cid: cycleId ?? 0 });
  // The latest cycle first: what the judge has to do now comes before past years.
  return paginate(qb, args, [
    { expr: "assignment.cycle_id", value: (a: AwardJudgeAssignment) => a.cycleId, direction: "DESC" },
  ]);
}

/** A cycle's active nominations, criteria, assignments with their conflicts, and score sheets. */
export interface CycleSheets {
  nominations: AwardNomination[];
  criteria: AwardCriterion[];
  assignments: AwardJudgeAssignment[];
  conflicts: Map<number, ConflictKind>;
  /** One per assignment without a conflict, complete or not. */
  sheets: ScoreSheet[];
  /** Sheets the decision waits for: one per assignment without a conflict, one per nomination without any. */
  expected: number;
  complete: number;
}

export async function cycleSheets(em: EntityManager, cycleId: number): Promise<CycleSheets> {
  const nominations = await em.find(AwardNomination, { where: { cycleId, status: "ACTIVE" }, order: { id: "ASC" } });
  const criteria = await em.find(AwardCriterion, { where: { cycleId }, order: { position: "ASC" } });
  const byId = new Map(nominations.map((n) => [n.id, n]));
  const assignments = (await em.find(AwardJudgeAssignment, { where: { cycleId }, order: { id: "ASC" } })).filter((a) =>
    byId.has(a.nominationId),
  );
  const found = await findConflicts(
    em,
    assignments.map((a) => ({ judgeUserId: a.judgeUserId, nomination: byId.get(a.nominationId)! })),
  );
  const conflicts = new Map<number, ConflictKind>();
  for (const a of assignments) {
    const kind = a.conflictDeclaredAt ? "DECLARED" : found.get(pairKey(a.judgeUserId, a.nominationId));
    if (kind) conflicts.set(a.id, kind);
  }
  const scores = await em.find(AwardScore, { where: { cycleId } });
  const effective = assignments.filter((a) => !conflicts.has(a.id));
  const sheets: ScoreSheet[] = effective.map((a) => ({
    nominationId: a.nominationId,
    judgeUserId: a.judgeUserId,
    scores: new Map(scores.filter((s) => s.assignmentId === a.id).map((s) => [s.criterionId, s.score])),
  }));
  const judged = new Set(effective.map((a) => a.nominationId));
  const isComplete = (s: ScoreSheet) => criteria.every((c) => s.scores.has(c.id));
  return {
    nominations,
    criteria,
    assignments,
    conflicts,
    sheets,
    expected: effective.length + nominations.filter((n) => !judged.has(n.id)).length,
    complete: sheets.filter(isComplete).length,
  };
}

export async function judgingProgress(ctx: RequestContext, cycle: AwardCycle): Promise<AwardJudgingProgress> {
  ctx.requireRole("STAFF");
  const s = await cycleSheets(ctx.em, cycle.id);
  const judgeIds = [...new Set(s.assignments.map((a) => a.judgeUserId))];
  const users = judgeIds.length ? await ctx.em.findBy(User, { id: In(judgeIds) }) : [];
  const isComplete = (sheet: ScoreSheet) => s.criteria.every((c) => sheet.scores.has(c.id));
  const judged = new Set(s.sheets.map((x) => x.nominationId));
  return {
    nominations: s.nominations.length,
    nominationsWithoutJudges: s.nominations.filter((n) => !judged.has(n.id)).length,
    expectedScoreSets: s.expected,
    completeScoreSets: s.complete,
    conflicts: s.conflicts.size,
    judges: users
      .sort((a, b) => a.id - b.id)
      .map((judge) => {
        const mine = s.sheets.filter((x) => x.judgeUserId === judge.id);
        return {
          judge,
          assigned: mine.length,
          complete: mine.filter(isComplete).length,
          conflicts: s.assignments.filter((a) => a.judgeUserId === judge.id && s.conflicts.has(a.id)).length,
        };
      }),
  };
}

/** The ranking staff review before deciding: every active nomination, its eligibility and whether it won. */
export async function cycleRanking(
  ctx: RequestContext,
  cycle: AwardCycle,
  normalize: boolean,
): Promise<AwardRankingEntry[]> {
  ctx.requireRole("STAFF");
  const sheets = await cycleSheets(ctx.em, cycle.id);
  const ranked = rankNominations(
    sheets.nominations.map((n) => n.id),
    sheets.criteria,
    sheets.sheets,
    normalize,
  );
  const byId = new Map(sheets.nominations.map((n) => [n.id, n]));
  return Promise.all(
    ranked.map(async (r) => {
      const nomination = byId.get(r.nominationId)!;
      const [dossier, winner] = await Promise.all([
        ctx.loader(dossierByNomination).load(nomination),
        ctx.loader(winnerByNomination).load(nomination.id),
      ]);
      return {
        rank: r.rank,
        tied: r.tied,
        score: r.score,
        completeScoreSets: r.completeSheets,
        assignedJudges: sheets.sheets.filter((s) => s.nominationId === nomination.id).length,
        eligible: dossier!.eligible,
        winner: Boolean(winner),
        nomination,
      };
    }),
  );
}
