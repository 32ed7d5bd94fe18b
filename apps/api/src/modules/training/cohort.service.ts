import { In } from "typeorm";
import type { RequestContext } from "../../graphql/context";
import { TEXT_LIMITS } from "@zuofu/shared";
import { fail } from "../../graphql/errors";
import { paginate, type ConnectionArgs, type Page } from "../../graphql/connection";
import { cohortTitle } from "@zuofu/shared";
import { InputCheck } from "../../common/input-check";
import { audit, subjectOf } from "../audit/audit.service";
import { ClassSession } from "./class-session.entity";
import { Attendance } from "./attendance.entity";
import { Cohort } from "./cohort.entity";
import { Course } from "./course.entity";
import { Enrollment } from "./enrollment.entity";
import type { AdmissionMode, CohortStatus } from "./training.enums";
import { completeCohort, completionCandidates } from "./completion.service";
import { notify } from "../notifications/notification.service";
import { cohortParams, usersInCohort } from "./training-recipients";
import { cohortPolicy } from "./training.nodes";

export interface CourseFields {
  title?: string;
  summary?: string | null;
  category?: string | null;
  organizers?: string[];
}

function checkCourse(input: CourseFields, creating: boolean): Partial<Course> {
  const check = new InputCheck();
  const values: Partial<Course> = {};
  if (creating || input.title !== undefined)
    values.title = check.requiredText(input.title, "title", TEXT_LIMITS.Course.title);
  const summary = check.text(input.summary, "summary", { max: TEXT_LIMITS.Course.summary });
  if (summary !== undefined) values.summary = summary;
  const category = check.text(input.category, "category", { max: TEXT_LIMITS.Course.category });
  if (category !== undefined) values.category = category;
  if (input.organizers !== undefined) {
    const organizers = input.organizers.map((o) => o.trim()).filter(Boolean);
    if (organizers.join("|").length > 300) check.add("TOO_LONG", "organizers", { max: 300 });
    values.organizers = organizers;
  } else if (creating) values.organizers = ["中国（卢作孚）民营经济学院"];
  check.done();
  return values;
}

export async function createCourse(ctx: RequestContext, input: CourseFields): Promise<Course> {
  ctx.requireRole("STAFF");
  const values = checkCourse(input, true);
  return ctx.transaction(async (tx) => {
    const course = tx.em.create(Course, values);
    await tx.em.save(course);
    await audit(tx, "course.create", subjectOf(course), { title: course.title });
    return course;
  });
}

export async function updateCourse(ctx: RequestContext, id: number | null, input: CourseFields): Promise<Course> {
  ctx.requireRole("STAFF");
  const values = checkCourse(input, false);
  return ctx.transaction(async (tx) => {
    const course = id ? await tx.em.findOneBy(Course, { id }) : null;
    if (!course) return fail("NOT_FOUND", "courseId");
    Object.assign(course, values);
    await tx.em.save(course);
    if (values.title) {
      // Its cohorts' titles are the course's and their numbers.
      const cohorts = await tx.em.find(Cohort, { select: { id: true, number: true }, where: { courseId: course.id } });
      for (const c of cohorts)
        await tx.em.update(Cohort, { id: c.id }, { title: cohortTitle(course.title, c.number).slice(0, 100) });
    }
    await audit(tx, "course.update", subjectOf(course), { changed: Object.keys(values) });
    return course;
  });
}

export interface CohortFields {
  number?: number | null;
  startsOn?: string;
  endsOn?: string;
  venue?: string | null;
  capacity?: number;
  admission?: AdmissionMode;
  enrollmentOpensAt?: Date | null;
  enrollmentClosesAt?: Date | null;
  completionThreshold?: number;
}

function checkCohort(input: CohortFields, current: Partial<Cohort>): Partial<Cohort> {
  const check = new InputCheck();
  const values: Partial<Cohort> = {};
  if (input.startsOn !== undefined || current.startsOn === undefined) {
    values.startsOn = input.startsOn
      ? (check.date(input.startsOn, "startsOn") ?? undefined)
      : check.add("REQUIRED", "startsOn");
  }
  if (input.endsOn !== undefined || current.endsOn === undefined) {
    values.endsOn = input.endsOn ? (check.date(input.endsOn, "endsOn") ?? undefined) : check.add("REQUIRED", "endsOn");
  }
  const venue = check.text(input.venue, "venue", { max: TEXT_LIMITS.Cohort.venue });
  if (venue !== undefined) values.venue = venue;
  if (input.capacity !== undefined || current.capacity === undefined) {
    values.capacity = check.integer(input.capacity ?? null, "capacity", 1, 10000) ?? check.add("REQUIRED", "capacity");
  }
  if (input.number !== undefined && input.number !== null)
    values.number = check.integer(input.number, "number", 1, 100000) ?? undefined;
  if (input.admission) values.admission = input.admission;
  if (input.enrollmentOpensAt !== undefined) values.enrollmentOpensAt = input.enrollmentOpensAt;
  if (input.enrollmentClosesAt !== undefined) values.enrollmentClosesAt = input.enrollmentClosesAt;
  if (input.completionThreshold !== undefined) {
    values.completionThreshold = check.integer(input.completionThreshold, "completionThreshold", 0, 100) ?? undefined;
  }
  const merged = { ...current, ...values };
  if (merged.startsOn && merged.endsOn && merged.endsOn < merged.startsOn) check.add("ENDS_BEFORE_START", "endsOn");
  if (merged.enrollmentOpensAt && merged.enrollmentClosesAt && merged.enrollmentClosesAt <= merged.enrollmentOpensAt) {
    check.add("ENDS_BEFORE_START", "enrollmentClosesAt");
  }
  if (merged.capacity !== undefined && merged.seatsTaken !== undefined && merged.capacity < merged.seatsTaken) {
    check.add("CAPACITY_BELOW_TAKEN", "capacity", { taken: merged.seatsTaken });
  }
  check.done();
  return values;
}

export async function createCohort(ctx: RequestContext, courseId: number | null, input: CohortFields): Promise<Cohort> {
  ctx.requireRole("STAFF");
  const values = checkCohort(input, {});
  return ctx.transaction(async (tx) => {
    const course = courseId ? await tx.em.findOneBy(Course, { id: courseId }) : null;
    if (!course) return fail("NOT_FOUND", "courseId");
    if (!values.number) {
      const max = await tx.em
        .createQueryBuilder(Cohort, "c")
        .select("MAX(c.number)", "max")
        .where("c.course_id = :id", { id: course.id })
        .getRawOne<{ max: number | null }>();
      values.number = Number(max?.max ?? 0) + 1;
    } else if (await tx.em.countBy(Cohort, { courseId: course.id, number: values.number })) {
      fail("NUMBER_TAKEN", "number", { number: values.number });
    }
    const cohort = tx.em.create(Cohort, {
      admission: "AUTO",
      completionThreshold: 80,
      ...values,
      title: cohortTitle(course.title, values.number).slice(0, 100),
      courseId: course.id,
      status: "DRAFT",
      seatsTaken: 0,
    });
    await tx.em.save(cohort);
    await audit(tx, "cohort.create", subjectOf(cohort), { courseId: course.id, number: cohort.number });
    return cohort;
  });
}

export async function updateCohort(ctx: RequestContext, id: number | null, input: CohortFields): Promise<Cohort> {
  ctx.requireRole("STAFF");
  return ctx.transaction(async (tx) => {
    const cohort = id ? await tx.em.findOneBy(Cohort, { id }) : null;
    if (!cohort) return fail("NOT_FOUND", "cohortId");
    if (cohort.status === "COMPLETED" || cohort.status === "CANCELLED")
      fail("WRONG_STATUS", "cohortId", { status: cohort.status });
    const values = checkCohort(input, cohort);
    if (
      values.number &&
      values.number !== cohort.number &&
      (await tx.em.countBy(Cohort, { courseId: cohort.courseId, number: values.number }))
    ) {
      fail("NUMBER_TAKEN", "number", { number: values.number });
    }
    // What a trainee plans around: the dates and the venue. A change to them is told to everyone in the cohort.
    const before = { startsOn: cohort.startsOn, endsOn: cohort.endsOn, venue: cohort.venue };
    Object.assign(cohort, values);
    if (values.number) {
      const course = await tx.em.findOneByOrFail(Course, { id: cohort.courseId });
      cohort.title = cohortTitle(course.title, cohort.number).slice(0, 100);
    }
    await tx.em.save(cohort);
    await audit(tx, "cohort.update", subjectOf(cohort), { changed: Object.keys(values) });
    const { startsOn, endsOn, venue } = cohort;
    if (startsOn !== before.startsOn || endsOn !== before.endsOn || (venue ?? "") !== (before.venue ?? "")) {
      await notify(tx, await usersInCohort(tx, cohort.id, ["PENDING", "ENROLLED", "WAITLISTED"]), "COHORT_CHANGED", {
        ...(await cohortParams(tx, cohort.id)),
        startsOn,
        endsOn,
        venue: venue ?? "—",
      });
    }
    return cohort;
  });
}

/** Allowed moves; COMPLETED goes through completion, CANCELLED ends every active enrollment. */
const TRANSITIONS: Record<CohortStatus, CohortStatus[]> = {
  DRAFT: ["OPEN", "CANCELLED"],
  OPEN: ["DRAFT", "IN_PROGRESS", "CANCELLED"],
  IN_PROGRESS: ["COMPLETED", "CANCELLED"],
  COMPLETED: [],
  CANCELLED: [],
};

export async function changeCohortStatus(
  ctx: RequestContext,
  id: number | null,
  to: CohortStatus,
  reason?: string | null,
): Promise<{ cohort: Cohort; completion: Awaited<ReturnType<typeof completeCohort>> | null }> {
  ctx.requireRole("STAFF");
  return ctx.transaction(async (tx) => {
    const cohort = id ? await tx.em.findOneBy(Cohort, { id }) : null;
    if (!cohort) return fail("NOT_FOUND", "cohortId");
    if (!TRANSITIONS[cohort.status].includes(to)) fail("INVALID_TRANSITION", "status", { from: cohort.status, to });
    const from = cohort.status;
    let details: Record<string, unknown> = {};
    let completion: Awaited<ReturnType<typeof completeCohort>> | null = null;
    if (to === "CANCELLED") {
      if (!reason?.trim()) fail("REASON_REQUIRED", "reason");
      await notify(tx, await usersInCohort(tx, cohort.id, ["PENDING", "ENROLLED", "WAITLISTED"]), "COHORT_CANCELLED", {
        ...(await cohortParams(tx, cohort.id)),
        reason: reason!.trim(),
      });
      const result = await tx.em
        .createQueryBuilder()
        .update(Enrollment)
        .set({ status: "CANCELLED", activeSlot: null, reason: reason!.trim(), decidedAt: new Date() })
        .where("cohort_id = :id AND status IN (:...s)", { id: cohort.id, s: ["PENDING", "ENROLLED", "WAITLISTED"] })
        .execute();
      cohort.seatsTaken = 0;
      details = { enrollmentsCancelled: result.affected ?? 0, reason };
    }
    if (to === "COMPLETED") details = completion = await completeCohort(tx, cohort);
    cohort.status = to;
    await tx.em.save(cohort);
    await audit(tx, "cohort.status", subjectOf(cohort), { from, to, ...details });
    return { cohort, completion };
  });
}

export interface SessionFields {
  topic?: string;
  lecturer?: string | null;
  startsAt?: Date;
  endsAt?: Date;
  venue?: string | null;
}

function checkSession(input: SessionFields, current: Partial<ClassSession>): Partial<ClassSession> {
  const check = new InputCheck();
  const values: Partial<ClassSession> = {};
  if (input.topic !== undefined || current.topic === undefined)
    values.topic = check.requiredText(input.topic, "topic", TEXT_LIMITS.ClassSession.topic);
  const lecturer = check.text(input.lecturer, "lecturer", { max: TEXT_LIMITS.ClassSession.lecturer });
  if (lecturer !== undefined) values.lecturer = lecturer;
  const venue = check.text(input.venue, "venue", { max: TEXT_LIMITS.ClassSession.venue });
  if (venue !== undefined) values.venue = venue;
  if (input.startsAt) values.startsAt = input.startsAt;
  else if (!current.startsAt) check.add("REQUIRED", "startsAt");
  if (input.endsAt) values.endsAt = input.endsAt;
  else if (!current.endsAt) check.add("REQUIRED", "endsAt");
  const merged = { ...current, ...values };
  if (merged.startsAt && merged.endsAt && merged.endsAt <= merged.startsAt) check.add("ENDS_BEFORE_START", "endsAt");
  check.done();
  return values;
}

export async function createClassSession(
  ctx: RequestContext,
  cohortId: number | null,
  input: SessionFields,
): Promise<ClassSession> {
  ctx.requireRole("STAFF");
  const values = checkSession(input, {});
  return ctx.transaction(async (tx) => {
    const cohort = cohortId ? await tx.em.findOneBy(Cohort, { id: cohortId }) : null;
    if (!cohort) return fail("NOT_FOUND", "cohortId");
    if (cohort.status === "COMPLETED" || cohort.status === "CANCELLED")
      fail("WRONG_STATUS", "cohortId", { status: cohort.status });
    const session = tx.em.create(ClassSession, { ...values, cohortId: cohort.id });
    await tx.em.save(session);
    await audit(tx, "classSession.create", subjectOf(session), { cohortId: cohort.id });
    return session;
  });
}

export async function updateClassSession(
  ctx: RequestContext,
  id: number | null,
  input: SessionFields,
): Promise<ClassSession> {
  ctx.requireRole("STAFF");
  return ctx.transaction(async (tx) => {
    const session = id ? await tx.em.findOneBy(ClassSession, { id }) : null;
    if (!session) return fail("NOT_FOUND", "sessionId");
    const values = checkSession(input, session);
    Object.assign(session, values);
    await tx.em.save(session);
    await audit(tx, "classSession.update", subjectOf(session), { changed: Object.keys(values) });
    return session;
  });
}

export async function deleteClassSession(ctx: RequestContext, id: number | null): Promise<number> {
  ctx.requireRole("STAFF");
  return ctx.transaction(async (tx) => {
    const session = id ? await tx.em.findOneBy(ClassSession, { id }) : null;
    if (!session) return fail("NOT_FOUND", "sessionId");
    if (await tx.em.countBy(Attendance, { sessionId: session.id })) fail("SESSION_HAS_ATTENDANCE", "sessionId");
    await tx.em.delete(ClassSession, { id: session.id });
    await audit(tx, "classSession.delete", subjectOf(session), { cohortId: session.cohortId });
    return session.cohortId;
  });
}

export interface CohortFilter {
  status?: CohortStatus | null;
  courseId?: number | null;
  year?: number | null;
  openForEnrollment?: boolean | null;
}

/** What the Cohort policy shows (training.nodes.ts), newest first. */
export function listCohorts(ctx: RequestContext, filter: CohortFilter, args: ConnectionArgs): Promise<Page<Cohort>> {
  const qb = ctx.em.createQueryBuilder(Cohort, "cohort");
  cohortPolicy.scope!(ctx, qb);
  if (filter.status) qb.andWhere("cohort.status = :status", { status: filter.status });
  if (filter.courseId !== undefined) qb.andWhere("cohort.course_id = :cid", { cid: filter.courseId ?? 0 });
  if (filter.year)
    qb.andWhere("cohort.starts_on >= :y0 AND cohort.starts_on <= :y1", {
      y0: `${filter.year}-01-01`,
      y1: `${filter.year}-12-31`,
    });
  if (filter.openForEnrollment) {
    const now = new Date();
    qb.andWhere("cohort.status = :open", { open: "OPEN" })
      .andWhere("(cohort.enrollment_opens_at IS NULL OR cohort.enrollment_opens_at <= :now)", { now })
      .andWhere("(cohort.enrollment_closes_at IS NULL OR cohort.enrollment_closes_at > :now)", { now });
  }
  return paginate(qb, args, [{ expr: "cohort.starts_on", value: (c: Cohort) => c.startsOn, direction: "DESC" }]);
}

/** Staff: who would complete if the cohort completed now, and why the others would not. */
export async function completionPreview(ctx: RequestContext, cohort: Cohort) {
  ctx.requireRole("STAFF");
  const candidates = await completionCandidates(ctx, cohort);
  const [sessions, waiting] = await Promise.all([
    ctx.em.countBy(ClassSession, { cohortId: cohort.id }),
    ctx.em.countBy(Enrollment, { cohortId: cohort.id, status: In(["PENDING", "WAITLISTED"]) }),
  ]);
  candidates.sort((a, b) => Number(a.qualifies) - Number(b.qualifies) || a.rate - b.rate);
  return { threshold: cohort.completionThreshold, sessions, candidates, waiting };
}
