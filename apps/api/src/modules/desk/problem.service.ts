import type { SelectQueryBuilder } from "typeorm";
import {
  PROBLEM_LEVELS,
  type ProblemCategory,
  type ProblemLevel,
  type ProblemRating,
  type ProblemReporterKind,
  type ProblemStatus,
  type ErrorCode,
  type NotificationKind,
} from "@zuofu/shared";
import type { RequestContext } from "../../graphql/context";
import { paginate, type ConnectionArgs, type Page } from "../../graphql/connection";
import { fail, UserErrors } from "../../graphql/errors";
import { InputCheck } from "../../common/input-check";
import { beijingDay } from "../../common/beijing-time";
import { isMysql } from "../../db/dialect";
import { audit, subjectOf } from "../audit/audit.service";
import { User } from "../accounts/user.entity";
import { Enterprise } from "../enterprises/enterprise.entity";
import { notify } from "../notifications/notification.service";
import { ScheduledJob } from "../notifications/scheduled-job.entity";
import { Visit } from "./commissioner.entity";
import { Department, DepartmentHandler, EnterpriseContact } from "./department.entity";
import { Problem, ProblemEvent } from "./problem.entity";
import type { ProblemEventKind } from "./desk.enums";
import { canSeeProblem, deskLinks, holdsProblem } from "./desk.policy";
import { problemPolicy } from "./desk.nodes";
import { LIMITS } from "../../graphql/limits";
import { attachmentCount, checkUploads, storeAttachments, type AttachmentUpload } from "./problem-attachment.service";

const DAY = 24 * 3600_000;

/** Days a department has to answer, by category (办事 is quick, 用地 slow). */
export const DUE_DAYS: Record<ProblemCategory, number> = {
  ADMINISTRATION: 5,
  FINANCING: 15,
  EMPLOYMENT: 10,
  LAND: 30,
  TRANSFORMATION: 20,
  POLICY: 7,
  OTHER: 10,
};
/** Days the leader in charge and the district head have once a problem reaches them. */
export const LEVEL_DUE_DAYS: Record<Exclude<ProblemLevel, "DEPARTMENT">, number> = { LEADER: 7, DISTRICT_HEAD: 5 };

/** Statuses in which the level holding a problem owes an answer (and the due date runs). */
export const OPEN_STATUSES: ProblemStatus[] = ["ASSIGNED", "IN_PROGRESS", "REOPENED"];

export function dueAt(category: ProblemCategory, level: ProblemLevel, from: Date): Date {
  const days = level === "DEPARTMENT" ? DUE_DAYS[category] : LEVEL_DUE_DAYS[level];
  return new Date(from.getTime() + days * DAY);
}

export const levelAbove = (level: ProblemLevel): ProblemLevel | null =>
  PROBLEM_LEVELS[PROBLEM_LEVELS.indexOf(level) + 1] ?? null;
export const levelBelow = (level: ProblemLevel): ProblemLevel | null =>
  PROBLEM_LEVELS[PROBLEM_LEVELS.indexOf(level) - 1] ?? null;

/** The problem as it is now, locked on MySQL so that concurrent changes of it queue. */
async function current(tx: RequestContext, problemId: number | null): Promise<Problem | null> {
  if (!problemId) return null;
  const qb = tx.em.createQueryBuilder(Problem, "p").where("p.id = :id", { id: problemId });
  return (isMysql(tx.app.dataSource) ? qb.setLock("pessimistic_write") : qb).getOne();
}

/** A visible problem, or NOT_FOUND (as for an ID that does not exist). */
async function visible(tx: RequestContext, problemId: number | null): Promise<Problem> {
  const problem = await current(tx, problemId);
  if (!problem || !(await canSeeProblem(tx, problem))) return fail("NOT_FOUND", "problemId");
  return problem;
}

/**
 * The open problem the caller holds at its level (desk staff too, with `staffToo`), locked:
 * NOT_FOUND, NOT_YOUR_PROBLEM or WRONG_STATUS otherwise. `settled` gives a status that has a code
 * of its own (a second answer hears ALREADY_ANSWERED).
 */
async function heldOpen(
  tx: RequestContext,
  problemId: number | null,
  { staffToo = false, settled }: { staffToo?: boolean; settled?: [ProblemStatus, ErrorCode] } = {},
): Promise<Problem> {
  const problem = await visible(tx, problemId);
  if (!(staffToo && tx.hasRole("STAFF", "ADMIN")) && !(await holdsProblem(tx, problem)))
    fail("NOT_YOUR_PROBLEM", "problemId");
  if (settled && problem.status === settled[0]) fail(settled[1], "problemId");
  if (!OPEN_STATUSES.includes(problem.status)) fail("WRONG_STATUS", "problemId", { status: problem.status });
  return problem;
}

/**
 * The change as a conditional UPDATE: it applies only while the problem is still in one of `from`
 * at its level, so of two people acting at once exactly one wins; the other gets `lost`
 * (WRONG_STATUS by default).
 */
async function transition(
  tx: RequestContext,
  problem: Problem,
  from: ProblemStatus[],
  set: Partial<Problem>,
  lost: () => never = () => fail("WRONG_STATUS", "problemId", { status: problem.status }),
): Promise<Problem> {
  const result = await tx.em
    .createQueryBuilder()
    .update(Problem)
    .set(set)
    .where("id = :id AND status IN (:...from) AND level = :level", { id: problem.id, from, level: problem.level })
    .execute();
  if (result.affected !== 1) lost();
  return Object.assign(problem, set);
}

/** One step of the timeline and its audit entry, in the change's transaction. */
export async function record(
  tx: RequestContext,
  problem: Problem,
  kind: ProblemEventKind,
  note: string | null = null,
): Promise<number> {
  const { identifiers } = await tx.em.insert(ProblemEvent, {
    problemId: problem.id,
    kind,
    level: problem.level,
    departmentId: problem.departmentId,
    actorUserId: tx.viewer?.userId ?? null,
    note,
    rating: kind === "RATED" ? problem.rating : null,
  });
  await audit(
    tx,
    `problem.${kind.toLowerCase()}`,
    subjectOf(problem),
    {
      status: problem.status,
      level: problem.level,
      departmentId: problem.departmentId,
    },
    // The escalation worker acts without a viewer.
    tx.viewer || tx.partner ? undefined : "system:escalation",
  );
  return Number(identifiers[0].id);
}

/** Who holds the problem at `level`: the department's handlers, its leader in charge, or the district head. */
export async function holdersOf(tx: RequestContext, problem: Problem, level = problem.level): Promise<number[]> {
  if (level === "DISTRICT_HEAD") {
    const heads = await tx.em
      .createQueryBuilder(User, "u")
      .select("u.id", "id")
      .where("u.roles LIKE :role AND u.active = :active", { role: "%DISTRICT_HEAD%", active: true })
      .getRawMany<{ id: number }>();
    return heads.map((h) => Number(h.id));
  }
  if (problem.departmentId === null) return [];
  if (level === "LEADER") {
    const department = await tx.em.findOneBy(Department, { id: problem.departmentId });
    return department?.leaderUserId ? [department.leaderUserId] : [];
  }
  const handlers = await tx.em.findBy(DepartmentHandler, { departmentId: problem.departmentId });
  return handlers.map((h) => h.userId);
}

export async function contactsOf(tx: RequestContext, enterpriseId: number): Promise<number[]> {
  return (await tx.em.findBy(EnterpriseContact, { enterpriseId })).map((c) => c.userId);
}

export async function tell(tx: RequestContext, userIds: number[], kind: NotificationKind, problem: Problem) {
  await notify(tx, userIds, kind, {
    title: problem.title,
    due: problem.dueAt ? beijingDay(problem.dueAt) : "—",
  });
}

/**
 * The due-date reminders of the problem's current due date: "due tomorrow" a day ahead and
 * "overdue" at the date, as scheduled jobs (one of each per problem), which the escalation worker
 * claims once across processes. A new due date moves them and undoes any claim on the old one.
 */
export async function scheduleDue(tx: RequestContext, problem: Problem): Promise<void> {
  if (!problem.dueAt) return;
  const jobs = [
    { kind: "PROBLEM_DUE_SOON" as const, runAt: new Date(problem.dueAt.getTime() - DAY) },
    { kind: "PROBLEM_OVERDUE" as const, runAt: problem.dueAt },
  ];
  for (const job of jobs) {
    const moved = await tx.em
      .createQueryBuilder()
      .update(ScheduledJob)
      .set({ runAt: job.runAt, status: "PENDING", attempts: 0, claimToken: null, doneAt: null, lastError: null })
      .where("kind = :kind AND subject_id = :id", { kind: job.kind, id: problem.id })
      .execute();
    if (moved.affected !== 1)
      await tx.em.insert(ScheduledJob, { ...job, subjectId: problem.id, status: "PENDING", attempts: 0 });
  }
}

export interface ReportInput {
  enterpriseId: number | null;
  category: ProblemCategory;
  title: string;
  description: string;
  /** The commissioner's visit the problem was found on. */
  visitId?: number | null;
  attachments?: AttachmentUpload[] | null;
}

/**
 * Who reports for the enterprise, or a refusal: the caller must be linked to it. A problem raised
 * from a visit names it: only the commissioner who logged the visit, for the visit's enterprise.
 */
async function reporterOf(
  ctx: RequestContext,
  enterpriseId: number | null,
  visitId: number | null | undefined,
): Promise<ProblemReporterKind> {
  if (ctx.partner) {
    ctx.requireScope("PROBLEMS_WRITE");
    // Outside the chamber's members an enterprise is NOT_FOUND, as if it did not exist.
    if (!enterpriseId || !ctx.partner.memberEnterpriseIds.has(enterpriseId)) fail("NOT_FOUND", "enterpriseId");
    if (visitId !== undefined) fail("NOT_FOUND", "visitId");
    return "CHAMBER";
  }
  const viewer = ctx.requireViewer();
  const links = await deskLinks(ctx);
  if (visitId !== undefined) {
    const visit = visitId ? await ctx.em.findOneBy(Visit, { id: visitId }) : null;
    if (!visit || visit.commissionerUserId !== viewer.userId) return fail("NOT_FOUND", "visitId");
    if (visit.enterpriseId !== enterpriseId) return fail("VISIT_OF_ANOTHER_ENTERPRISE", "visitId");
    if (!links?.serves.includes(enterpriseId)) return fail("NOT_LINKED_ENTERPRISE", "enterpriseId");
    return "COMMISSIONER";
  }
  if (enterpriseId && links?.contactOf.includes(enterpriseId)) return "ENTERPRISE";
  if (enterpriseId && links?.serves.includes(enterpriseId)) return "COMMISSIONER";
  if (ctx.hasRole("STAFF", "ADMIN")) return "STAFF_PHONE";
  return fail("NOT_LINKED_ENTERPRISE", "enterpriseId");
}

/**
 * An enterprise's contact, its commissioner (after a visit), desk staff (from a phone call) or a
 * partner chamber's key (for a member enterprise) reports a problem, with its attachments; anyone
 * else may not report for that enterprise. A refused attachment refuses the report: nothing is stored.
 */
export async function reportProblem(ctx: RequestContext, input: ReportInput): Promise<Problem> {
  if (!ctx.partner) ctx.requireViewer();
  const check = new InputCheck();
  const title = check.requiredText(input.title, "title", 100);
  const description = check.requiredText(input.description, "description", 5000);
  check.done();
  const enterpriseId = input.enterpriseId;
  const reporterKind = await reporterOf(ctx, enterpriseId, input.visitId);
  const files = checkUploads(input.attachments);
  return ctx.transaction(async (tx) => {
    if (!enterpriseId || !(await tx.em.countBy(Enterprise, { id: enterpriseId }))) fail("NOT_FOUND", "enterpriseId");
    const problem = tx.em.create(Problem, {
      enterpriseId,
      category: input.category,
      title: title!,
      description: description!,
      status: "REPORTED",
      level: "DEPARTMENT",
      departmentId: null,
      dueAt: null,
      reporterKind,
      reportedBy: tx.viewer?.userId ?? null,
      reportedByChamberId: tx.partner?.chamberId ?? null,
      visitId: input.visitId ?? null,
      answer: null,
      answeredAt: null,
      answeredBy: null,
      rating: null,
      instructions: null,
      escalations: 0,
      late: false,
      closedAt: null,
    });
    await tx.em.insert(Problem, problem);
    const eventId = await record(tx, problem, "REPORTED");
    await storeAttachments(tx, problem.id, eventId, files);
    return problem;
  });
}

/**
 * The enterprise adds to a problem it reported (补充材料): a note, files, or both, until the problem
 * is closed. The holders see it in the timeline.
 */
export async function supplementProblem(
  ctx: RequestContext,
  problemId: number | null,
  note: string | null | undefined,
  attachments: AttachmentUpload[] | null | undefined,
): Promise<Problem> {
  ctx.requireViewer();
  const check = new InputCheck();
  const text = check.text(note, "note", { max: 2000 });
  if (!text && !attachments?.length) check.add("REQUIRED", "note");
  check.done();
  const files = checkUploads(attachments);
  return ctx.transaction(async (tx) => {
    const problem = await visible(tx, problemId);
    if (!(await deskLinks(tx))?.contactOf.includes(problem.enterpriseId)) fail("NOT_LINKED_ENTERPRISE", "problemId");
    if (problem.status === "CLOSED") fail("PROBLEM_CLOSED", "problemId");
    const max = LIMITS.maxAttachmentsPerProblem;
    if (files.length && (await attachmentCount(tx, problem.id)) + files.length > max)
      fail("TOO_MANY_ATTACHMENTS", "attachments", { max });
    const eventId = await record(tx, problem, "SUPPLEMENTED", text ?? null);
    await storeAttachments(tx, problem.id, eventId, files);
    return problem;
  });
}

/** Desk staff check a new problem and may correct its category. */
export async function triageProblem(
  ctx: RequestContext,
  problemId: number | null,
  category?: ProblemCategory | null,
  note?: string | null,
): Promise<Problem> {
  ctx.requireRole("STAFF");
  const check = new InputCheck();
  const text = check.text(note, "note", { max: 2000 });
  check.done();
  return ctx.transaction((tx) => triageOne(tx, problemId, category ?? null, text ?? null));
}

async function triageOne(
  tx: RequestContext,
  problemId: number | null,
  category: ProblemCategory | null,
  note: string | null,
): Promise<Problem> {
  const problem = await visible(tx, problemId);
  if (problem.status !== "REPORTED") fail("WRONG_STATUS", "problemId", { status: problem.status });
  await transition(tx, problem, ["REPORTED"], { status: "TRIAGED", ...(category ? { category } : {}) }, () =>
    fail("WRONG_STATUS", "problemId", { status: "TRIAGED" }),
  );
  await record(tx, problem, "TRIAGED", note);
  return problem;
}

/** At most this many problems in one bulk step. */
export const BATCH_MAX = 100;

function checkBatch(check: InputCheck, problemIds: (number | null)[]) {
  if (!problemIds.length || problemIds.length > BATCH_MAX)
    check.add("OUT_OF_RANGE", "problemIds", { min: 1, max: BATCH_MAX });
  const known = problemIds.filter((id) => id !== null);
  if (new Set(known).size !== known.length) check.add("DUPLICATE_VALUE", "problemIds");
}

/**
 * All or none: each problem in turn, in the caller's transaction; the first refusal undoes the
 * batch and names its item (`["input", "problemIds", "<index>"]`), so the desk can say which one.
 */
async function eachOrNone(
  problemIds: (number | null)[],
  step: (problemId: number | null) => Promise<Problem>,
): Promise<Problem[]> {
  const done: Problem[] = [];
  for (const [index, id] of problemIds.entries()) {
    try {
      done.push(await step(id));
    } catch (err) {
      if (!(err instanceof UserErrors)) throw err;
      const field = ["input", "problemIds", String(index)];
      throw new UserErrors(err.errors.map((e) => ({ ...e, field, params: { ...e.params, field: "problemId" } })));
    }
  }
  return done;
}

/** Desk staff triage many new problems at once, all or none. */
export async function triageProblems(
  ctx: RequestContext,
  problemIds: (number | null)[],
  note?: string | null,
): Promise<Problem[]> {
  ctx.requireRole("STAFF");
  const check = new InputCheck();
  const text = check.text(note, "note", { max: 2000 });
  checkBatch(check, problemIds);
  check.done();
  return ctx.transaction((tx) => eachOrNone(problemIds, (id) => triageOne(tx, id, null, text ?? null)));
}

/** How far ahead desk staff may set a due date by hand. */
const DUE_MAX_DAYS = 365;

/** A due date typed as a Beijing day: due at the end of that day, from tomorrow to a year ahead. */
function checkDueOn(check: InputCheck, dueOn: string | null | undefined, now: Date): Date | null {
  const day = check.date(dueOn, "dueOn");
  if (!day) return null;
  const min = beijingDay(new Date(now.getTime() + DAY));
  const max = beijingDay(new Date(now.getTime() + DUE_MAX_DAYS * DAY));
  if (day < min || day > max) return check.add("OUT_OF_RANGE", "dueOn", { min, max }) ?? null;
  return new Date(`${day}T23:59:59+08:00`);
}

/**
 * Desk staff assign (交办) triaged problems to a department, with the due date of each one's
 * category unless `dueOn` gives one; a problem already with a department moves to the new one (a
 * transfer), its history kept. All or none: one problem that cannot go refuses the batch.
 */
export async function assignProblems(
  ctx: RequestContext,
  problemIds: (number | null)[],
  departmentId: number | null,
  note?: string | null,
  dueOn?: string | null,
): Promise<Problem[]> {
  ctx.requireRole("STAFF");
  const now = new Date();
  const check = new InputCheck();
  const text = check.text(note, "note", { max: 2000 });
  const due = checkDueOn(check, dueOn, now);
  checkBatch(check, problemIds);
  check.done();
  return ctx.transaction(async (tx) => {
    const department = departmentId ? await tx.em.findOneBy(Department, { id: departmentId }) : null;
    if (!department) return fail("NOT_FOUND", "departmentId");
    return eachOrNone(problemIds, async (id) => {
      const problem = await visible(tx, id);
      const transfer = problem.departmentId !== null;
      const from: ProblemStatus[] = transfer ? OPEN_STATUSES : ["TRIAGED"];
      if (!from.includes(problem.status) || problem.level !== "DEPARTMENT" || problem.departmentId === department.id)
        fail("WRONG_STATUS", "problemId", { status: problem.status });
      await transition(tx, problem, from, {
        status: "ASSIGNED",
        departmentId: department.id,
        dueAt: due ?? dueAt(problem.category, "DEPARTMENT", now),
      });
      await record(tx, problem, transfer ? "TRANSFERRED" : "ASSIGNED", text ?? null);
      await scheduleDue(tx, problem);
      await tell(tx, await holdersOf(tx, problem), "PROBLEM_ASSIGNED", problem);
      return problem;
    });
  });
}

/** The level holding the problem takes it up, or adds a progress note while working on it. */
export async function workOnProblem(ctx: RequestContext, problemId: number | null, note?: string | null) {
  ctx.requireViewer();
  const check = new InputCheck();
  const text = check.text(note, "note", { max: 2000 });
  check.done();
  return ctx.transaction(async (tx) => {
    const problem = await heldOpen(tx, problemId);
    if (problem.status === "IN_PROGRESS") {
      if (!text) fail("REQUIRED", "note");
      await record(tx, problem, "NOTE", text);
      return problem;
    }
    await transition(tx, problem, ["ASSIGNED", "REOPENED"], { status: "IN_PROGRESS" }, () =>
      fail("WRONG_STATUS", "problemId", { status: "IN_PROGRESS" }),
    );
    await record(tx, problem, "STARTED", text ?? null);
    return problem;
  });
}

/** The level holding the problem answers it; of two answering at once, one wins, the other hears ALREADY_ANSWERED. */
export async function answerProblem(ctx: RequestContext, problemId: number | null, answer: string): Promise<Problem> {
  const viewer = ctx.requireViewer();
  const check = new InputCheck();
  const text = check.requiredText(answer, "answer", 5000);
  check.done();
  return ctx.transaction(async (tx) => {
    const problem = await heldOpen(tx, problemId, { settled: ["ANSWERED", "ALREADY_ANSWERED"] });
    const now = new Date();
    const late = problem.late || (problem.dueAt !== null && problem.dueAt < now);
    await transition(
      tx,
      problem,
      OPEN_STATUSES,
      { status: "ANSWERED", answer: text!, answeredAt: now, answeredBy: viewer.userId, rating: null, late },
      () => fail("ALREADY_ANSWERED", "problemId"),
    );
    await record(tx, problem, "ANSWERED", text!);
    await tell(tx, await contactsOf(tx, problem.enterpriseId), "PROBLEM_ANSWERED", problem);
    return problem;
  });
}

/** Up one level with that level's due date; the caller records why. Null at the top. */
export async function moveUp(
  tx: RequestContext,
  problem: Problem,
  from: ProblemStatus[],
  status: ProblemStatus,
  now = new Date(),
  extra: Partial<Problem> = {},
) {
  const above = levelAbove(problem.level);
  if (!above) return null;
  const set = {
    ...extra,
    level: above,
    status,
    dueAt: dueAt(problem.category, above, now),
    escalations: problem.escalations + 1,
  };
  await transition(tx, problem, from, set);
  await scheduleDue(tx, problem);
  return problem;
}

/**
 * The enterprise rates the answer, once: satisfied (or basically) closes the problem; not
 * satisfied reopens it one level up (at the top, with the district head again).
 */
export async function rateProblem(
  ctx: RequestContext,
  problemId: number | null,
  rating: ProblemRating,
  comment?: string | null,
): Promise<Problem> {
  ctx.requireViewer();
  const check = new InputCheck();
  const text = check.text(comment, "comment", { max: 2000 });
  check.done();
  return ctx.transaction(async (tx) => {
    const problem = await visible(tx, problemId);
    if (!(await deskLinks(tx))?.contactOf.includes(problem.enterpriseId)) fail("NOT_THE_ENTERPRISE", "problemId");
    if (problem.status !== "ANSWERED") {
      if (problem.rating) fail("ALREADY_RATED", "problemId");
      fail("WRONG_STATUS", "problemId", { status: problem.status });
    }
    const rated = () => fail("ALREADY_RATED", "problemId");
    if (rating !== "NOT_SATISFIED") {
      await transition(tx, problem, ["ANSWERED"], { status: "CLOSED", rating, closedAt: new Date() }, rated);
      await record(tx, problem, "RATED", text ?? null);
      await record(tx, problem, "CLOSED");
      return problem;
    }
    await transition(tx, problem, ["ANSWERED"], { status: "REOPENED", rating }, rated);
    await record(tx, problem, "RATED", text ?? null);
    const below = await holdersOf(tx, problem);
    const escalated = await moveUp(tx, problem, ["REOPENED"], "REOPENED");
    if (!escalated) {
      problem.dueAt = dueAt(problem.category, problem.level, new Date());
      await tx.em.update(Problem, { id: problem.id }, { dueAt: problem.dueAt });
      await scheduleDue(tx, problem);
    }
    await record(tx, problem, escalated ? "ESCALATED" : "REOPENED", text ?? null);
    const above = await holdersOf(tx, problem);
    await tell(tx, [...below, ...above], "PROBLEM_NOT_SATISFIED", problem);
    if (escalated) await tell(tx, above, "PROBLEM_ESCALATED", problem);
    return problem;
  });
}

/** Desk staff or the level holding it send an open problem up one level (部门 → 分管区领导 → 区长). */
export async function escalateProblem(ctx: RequestContext, problemId: number | null, note?: string | null) {
  ctx.requireViewer();
  const check = new InputCheck();
  const text = check.text(note, "note", { max: 2000 });
  check.done();
  return ctx.transaction(async (tx) => {
    const problem = await heldOpen(tx, problemId, { staffToo: true });
    if (!levelAbove(problem.level)) fail("TOP_LEVEL_REACHED", "problemId");
    await moveUp(tx, problem, OPEN_STATUSES, "ASSIGNED");
    await record(tx, problem, "ESCALATED", text ?? null);
    await tell(tx, await holdersOf(tx, problem), "PROBLEM_ESCALATED", problem);
    return problem;
  });
}

/** The leader in charge or the district head send a problem they hold back down one level, with instructions. */
export async function sendProblemBack(ctx: RequestContext, problemId: number | null, instructions: string) {
  ctx.requireViewer();
  const check = new InputCheck();
  const text = check.requiredText(instructions, "instructions", 1000);
  check.done();
  return ctx.transaction(async (tx) => {
    const problem = await heldOpen(tx, problemId);
    const below = levelBelow(problem.level);
    if (!below) return fail("BOTTOM_LEVEL_REACHED", "problemId");
    await transition(tx, problem, OPEN_STATUSES, {
      level: below,
      status: "ASSIGNED",
      instructions: text!,
      dueAt: dueAt(problem.category, below, new Date()),
    });
    await record(tx, problem, "SENT_BACK", text!);
    await scheduleDue(tx, problem);
    await tell(tx, await holdersOf(tx, problem), "PROBLEM_ASSIGNED", problem);
    return problem;
  });
}

export interface ProblemFilterInput {
  status?: ProblemStatus | null;
  level?: ProblemLevel | null;
  category?: ProblemCategory | null;
  departmentId?: number | null;
  enterpriseId?: number | null;
  overdue?: boolean | null;
  open?: boolean | null;
  reportedFrom?: Date | null;
  reportedTo?: Date | null;
  search?: string | null;
}

export type ProblemOrder = "NEWEST" | "DUE_FIRST";

/**
 * The caller's problems (the desk's queue, a department's inbox, a leader's board, an enterprise's
 * own): newest first, or the earliest due date first (overdue ones lead), among those with one.
 */
export async function listProblems(
  ctx: RequestContext,
  filter: ProblemFilterInput,
  page: ConnectionArgs,
  order: ProblemOrder = "NEWEST",
): Promise<Page<Problem>> {
  // A partner's key lists the problems its chamber reported (desk.policy.ts).
  if (!ctx.partner) ctx.requireViewer();
  const check = new InputCheck();
  const search = check.text(filter.search, "search", { max: 100 });
  check.done();
  const qb: SelectQueryBuilder<Problem> = ctx.em.createQueryBuilder(Problem, "p");
  problemPolicy.scope!(ctx, qb);
  if (filter.status) qb.andWhere("p.status = :status", { status: filter.status });
  if (filter.level) qb.andWhere("p.level = :level", { level: filter.level });
  if (filter.category) qb.andWhere("p.category = :category", { category: filter.category });
  if (filter.departmentId !== undefined && filter.departmentId !== null)
    qb.andWhere("p.department_id = :departmentId", { departmentId: filter.departmentId });
  if (filter.enterpriseId !== undefined && filter.enterpriseId !== null)
    qb.andWhere("p.enterprise_id = :enterpriseId", { enterpriseId: filter.enterpriseId });
  if (filter.overdue)
    qb.andWhere("p.status IN (:...open) AND p.due_at < :now", { open: OPEN_STATUSES, now: new Date() });
  if (filter.open) qb.andWhere("p.status IN (:...owed)", { owed: OPEN_STATUSES });
  if (filter.reportedFrom) qb.andWhere("p.created_at >= :reportedFrom", { reportedFrom: filter.reportedFrom });
  if (filter.reportedTo) qb.andWhere("p.created_at < :reportedTo", { reportedTo: filter.reportedTo });
  if (search) {
    // "!" escapes the wildcards the same way on SQLite and MySQL (a backslash does not).
    const q = `%${search.replace(/[%_!]/g, "!$&")}%`;
    qb.andWhere(
      `(p.title LIKE :q ESCAPE '!' OR p.enterprise_id IN (SELECT x.id FROM enterprise x WHERE x.name LIKE :q ESCAPE '!'))`,
      { q },
    );
  }
  if (order === "DUE_FIRST") {
    qb.andWhere("p.due_at IS NOT NULL");
    return paginate(qb, page, [{ expr: "p.due_at", value: (p: Problem) => p.dueAt, direction: "ASC" }], { ctx });
  }
  // With the context, the page folds the enterprise and department it shows into its own statement.
  return paginate(qb, page, [{ expr: "p.created_at", value: (p: Problem) => p.createdAt, direction: "DESC" }], {
    ctx,
  });
}

export const departmentsInOrder = (ctx: RequestContext) => ctx.em.find(Department, { order: { name: "ASC" } });
