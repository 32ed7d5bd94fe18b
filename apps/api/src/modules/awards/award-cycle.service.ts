import type { HonorKind } from "@zuofu/shared";
import type { RequestContext } from "../../graphql/context";
import { fail, type UserErrorSpec } from "../../graphql/errors";
import { paginate, type ConnectionArgs, type Page } from "../../graphql/connection";
import { InputCheck } from "../../common/input-check";
import { audit, subjectOf } from "../audit/audit.service";
import { isDuplicateKey } from "../../db/dialect";
import { AwardCriterion } from "./award-criterion.entity";
import { AwardCycle, type EligibilityRule } from "./award-cycle.entity";
import { AwardProgram } from "./award-program.entity";
import type { AwardCyclePhase, EligibilityRuleType, NomineeKind } from "./award.enums";
import { decideCycle, publishCycle, undoDecision, type DecisionOptions } from "./award-decision.service";
import { freezeDossiers, unfreezeDossiers } from "./award-dossier.service";
import { doneWithItems, itemError, outOfRange } from "./list-input";
import { lockCycle } from "./cycle-lock";
import { notify } from "../notifications/notification.service";
import { cycleParams, usersOfCycle } from "./award-recipients";
import { awardCyclePolicy } from "./award.nodes";

export async function createAwardProgram(
  ctx: RequestContext,
  input: { name: string; nomineeKind: NomineeKind; description?: string | null },
): Promise<AwardProgram> {
  ctx.requireRole("STAFF");
  const check = new InputCheck();
  const name = check.requiredText(input.name, "name", 100);
  const description = check.text(input.description, "description", { max: 5000 }) ?? null;
  check.done();
  try {
    return await ctx.transaction(async (tx) => {
      if (await tx.em.countBy(AwardProgram, { name })) fail("PROGRAM_NAME_TAKEN", "name");
      const program = tx.em.create(AwardProgram, { name, nomineeKind: input.nomineeKind, description });
      await tx.em.save(program);
      await audit(tx, "awardProgram.create", subjectOf(program), { name, nomineeKind: program.nomineeKind });
      return program;
    });
  } catch (err) {
    if (isDuplicateKey(err)) fail("PROGRAM_NAME_TAKEN", "name");
    throw err;
  }
}

export async function updateAwardProgram(
  ctx: RequestContext,
  id: number | null,
  input: { name?: string; description?: string | null },
): Promise<AwardProgram> {
  ctx.requireRole("STAFF");
  const check = new InputCheck();
  const values: Partial<AwardProgram> = {};
  if (input.name !== undefined) values.name = check.requiredText(input.name, "name", 100);
  const description = check.text(input.description, "description", { max: 5000 });
  if (description !== undefined) values.description = description;
  check.done();
  try {
    return await ctx.transaction(async (tx) => {
      const program = id ? await tx.em.findOneBy(AwardProgram, { id }) : null;
      if (!program) return fail("NOT_FOUND", "programId");
      if (values.name && values.name !== program.name && (await tx.em.countBy(AwardProgram, { name: values.name })))
        fail("PROGRAM_NAME_TAKEN", "name");
      Object.assign(program, values);
      await tx.em.save(program);
      await audit(tx, "awardProgram.update", subjectOf(program), { changed: Object.keys(values) });
      return program;
    });
  } catch (err) {
    if (isDuplicateKey(err)) fail("PROGRAM_NAME_TAKEN", "name");
    throw err;
  }
}

export interface CycleFields {
  quota?: number;
  criteria?: { name: string; description?: string | null; weight: number }[];
  eligibilityRules?: { type: EligibilityRuleType; honorKind?: HonorKind | null; years?: number | null }[];
  nominationsCloseAt?: Date | null;
  judgingEndsAt?: Date | null;
}

type CheckedCriterion = Pick<AwardCriterion, "name" | "description" | "weight" | "position">;

function checkCycle(
  input: CycleFields,
  creating: boolean,
  year?: number,
): { values: Partial<AwardCycle>; criteria?: CheckedCriterion[] } {
  const check = new InputCheck();
  const items: UserErrorSpec[] = [];
  const values: Partial<AwardCycle> = {};
  if (year !== undefined) check.integer(year, "year", 1990, new Date().getUTCFullYear() + 5);
  if (input.quota === undefined || input.quota === null) {
    if (creating) check.add("REQUIRED", "quota");
  } else values.quota = check.integer(input.quota, "quota", 1, 1000) ?? undefined;
  let criteria: CheckedCriterion[] | undefined;
  if (input.criteria !== undefined) {
    if (!input.criteria.length) check.add("CRITERIA_REQUIRED", "criteria");
    const names = new Set<string>();
    criteria = input.criteria.map((c, i) => {
      const name = (c.name ?? "").trim();
      if (!name) items.push(itemError("REQUIRED", "criteria", i, "name"));
      else if (name.length > 100) items.push(itemError("TOO_LONG", "criteria", i, "name", { max: 100 }));
      else if (names.has(name)) items.push(itemError("DUPLICATE_VALUE", "criteria", i, "name"));
      names.add(name);
      const description = c.description?.trim() || null;
      if (description && description.length > 500)
        items.push(itemError("TOO_LONG", "criteria", i, "description", { max: 500 }));
      if (outOfRange(c.weight, 1, 100))
        items.push(itemError("OUT_OF_RANGE", "criteria", i, "weight", { min: 1, max: 100 }));
      return { name, description, weight: c.weight, position: i + 1 };
    });
  }
  if (input.eligibilityRules !== undefined) {
    values.eligibilityRules = input.eligibilityRules.map((r, i): EligibilityRule => {
      if (r.type === "HOLDS_HONOR") {
        if (!r.honorKind) items.push(itemError("REQUIRED", "eligibilityRules", i, "honorKind"));
        return { type: r.type, honorKind: r.honorKind ?? null, years: null };
      }
      if (r.type === "SOCIAL_RECORD_WITHIN_YEARS" || r.type === "NOT_RECENT_WINNER") {
        if (outOfRange(r.years, 1, 20))
          items.push(itemError("OUT_OF_RANGE", "eligibilityRules", i, "years", { min: 1, max: 20 }));
        return { type: r.type, honorKind: null, years: r.years ?? null };
      }
      return { type: r.type, honorKind: null, years: null };
    });
  }
  if (input.nominationsCloseAt !== undefined) values.nominationsCloseAt = input.nominationsCloseAt;
  if (input.judgingEndsAt !== undefined) values.judgingEndsAt = input.judgingEndsAt;
  checkDeadlines(check, values);
  doneWithItems(check, items);
  return { values, criteria };
}

function checkDeadlines(check: InputCheck, cycle: Partial<AwardCycle>): void {
  if (cycle.nominationsCloseAt && cycle.judgingEndsAt && cycle.judgingEndsAt <= cycle.nominationsCloseAt)
    check.add("ENDS_BEFORE_START", "judgingEndsAt");
}

async function replaceCriteria(tx: RequestContext, cycleId: number, criteria: CheckedCriterion[]): Promise<void> {
  await tx.em.delete(AwardCriterion, { cycleId });
  await tx.em.insert(
    AwardCriterion,
    criteria.map((c) => ({ ...c, cycleId })),
  );
}

export async function createAwardCycle(
  ctx: RequestContext,
  programId: number | null,
  year: number,
  input: CycleFields,
): Promise<AwardCycle> {
  ctx.requireRole("STAFF");
  const { values, criteria } = checkCycle(input, true, year);
  try {
    return await ctx.transaction(async (tx) => {
      const program = programId ? await tx.em.findOneBy(AwardProgram, { id: programId }) : null;
      if (!program) return fail("NOT_FOUND", "programId");
      if (await tx.em.countBy(AwardCycle, { programId: program.id, year })) fail("YEAR_TAKEN", "year", { year });
      const cycle = tx.em.create(AwardCycle, {
        eligibilityRules: [],
        nominationsCloseAt: null,
        judgingEndsAt: null,
        ...values,
        programId: program.id,
        year,
        phase: "DRAFT",
        decisionReason: null,
        publishedAt: null,
      });
      await tx.em.save(cycle);
      if (criteria) await replaceCriteria(tx, cycle.id, criteria);
      await audit(tx, "awardCycle.create", subjectOf(cycle), { programId: program.id, year, quota: cycle.quota });
      return cycle;
    });
  } catch (err) {
    if (isDuplicateKey(err)) fail("YEAR_TAKEN", "year", { year });
    throw err;
  }
}

export async function updateAwardCycle(
  ctx: RequestContext,
  id: number | null,
  input: CycleFields,
): Promise<AwardCycle> {
  ctx.requireRole("STAFF");
  const { values, criteria } = checkCycle(input, false);
  return ctx.transaction(async (tx) => {
    const cycle = await lockCycle(tx, id);
    if (!cycle) return fail("NOT_FOUND", "cycleId");
    // Criteria and rules are what nominees are measured by: fixed once nominations open.
    if ((criteria || values.eligibilityRules) && cycle.phase !== "DRAFT")
      fail("WRONG_PHASE", criteria ? "criteria" : "eligibilityRules", { phase: cycle.phase });
    if (cycle.phase === "DECIDED" || cycle.phase === "PUBLISHED")
      fail("WRONG_PHASE", "cycleId", { phase: cycle.phase });
    const after = new InputCheck();
    checkDeadlines(after, { ...cycle, ...values });
    after.done();
    Object.assign(cycle, values);
    await tx.em.save(cycle);
    if (criteria) await replaceCriteria(tx, cycle.id, criteria);
    await audit(tx, "awardCycle.update", subjectOf(cycle), {
      changed: [...Object.keys(values), ...(criteria ? ["criteria"] : [])],
    });
    return cycle;
  });
}

const NEXT: Record<AwardCyclePhase, AwardCyclePhase | null> = {
  DRAFT: "NOMINATING",
  NOMINATING: "JUDGING",
  JUDGING: "DECIDED",
  DECIDED: "PUBLISHED",
  PUBLISHED: null,
};
const PREVIOUS: Record<AwardCyclePhase, AwardCyclePhase | null> = {
  DRAFT: null,
  NOMINATING: "DRAFT",
  JUDGING: "NOMINATING",
  DECIDED: "JUDGING",
  PUBLISHED: null,
};

/**
 * Staff move a cycle one phase forward, or one back with a reason before it is published. Entering
 * JUDGING freezes the dossiers, DECIDED selects the winners, PUBLISHED opens the results and issues
 * the certificates; going back undoes what the step did.
 */
export async function changeAwardCyclePhase(
  ctx: RequestContext,
  id: number | null,
  to: AwardCyclePhase,
  options: DecisionOptions,
): Promise<AwardCycle> {
  ctx.requireRole("STAFF");
  const check = new InputCheck();
  const reason = check.text(options.reason, "reason", { max: 1000 }) ?? null;
  check.done();
  return ctx.transaction(async (tx) => {
    const cycle = await lockCycle(tx, id);
    if (!cycle) return fail("NOT_FOUND", "cycleId");
    const from = cycle.phase;
    const now = new Date();
    let details: Record<string, unknown> = {};
    if (NEXT[from] === to) {
      if (to === "NOMINATING" && !(await tx.em.countBy(AwardCriterion, { cycleId: cycle.id })))
        fail("CRITERIA_REQUIRED", "phase");
      // Judge conflicts look back to the first opening (judge-conflicts.ts).
      if (to === "NOMINATING") cycle.openedAt ??= now;
      if (to === "JUDGING") details = { dossiersFrozen: await freezeDossiers(tx.em, cycle.id, now) };
      if (to === "DECIDED") details = await decideCycle(tx, cycle, { ...options, reason });
      if (to === "PUBLISHED") details = await publishCycle(tx, cycle, now);
    } else if (PREVIOUS[from] === to) {
      if (!reason) fail("REASON_REQUIRED", "reason");
      if (from === "JUDGING") await unfreezeDossiers(tx.em, cycle.id);
      if (from === "DECIDED") details = await undoDecision(tx, cycle);
    } else {
      fail("INVALID_TRANSITION", "phase", { from, to });
    }
    cycle.phase = to;
    await tx.em.save(cycle);
    await audit(tx, "awardCycle.phase", subjectOf(cycle), { from, to, reason, ...details });
    if (to === "PUBLISHED")
      await notify(tx, await usersOfCycle(tx, cycle.id), "CYCLE_PUBLISHED", await cycleParams(tx, cycle.id));
    return cycle;
  });
}

export interface CycleFilter {
  programId?: number | null;
  year?: number | null;
  phase?: AwardCyclePhase | null;
}

/** What the AwardCycle policy shows (award.nodes.ts), newest year first. */
export function listAwardCycles(
  ctx: RequestContext,
  filter: CycleFilter,
  args: ConnectionArgs,
): Promise<Page<AwardCycle>> {
  const qb = ctx.em.createQueryBuilder(AwardCycle, "cycle");
  awardCyclePolicy.scope!(ctx, qb);
  if (filter.programId !== undefined) qb.andWhere("cycle.program_id = :pid", { pid: filter.programId ?? 0 });
  if (filter.year) qb.andWhere("cycle.year = :year", { year: filter.year });
  if (filter.phase) qb.andWhere("cycle.phase = :phase", { phase: filter.phase });
  return paginate(qb, args, [{ expr: "cycle.year", value: (c: AwardCycle) => c.year, direction: "DESC" }]);
}

export function listAwardPrograms(ctx: RequestContext, args: ConnectionArgs): Promise<Page<AwardProgram>> {
  return paginate(ctx.em.createQueryBuilder(AwardProgram, "program"), args, []);
}
