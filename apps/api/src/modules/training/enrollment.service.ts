import type { RequestContext } from "../../graphql/context";
import { UserErrors, fail, type UserErrorSpec } from "../../graphql/errors";
import { InputCheck } from "../../common/input-check";
import { audit, subjectOf } from "../audit/audit.service";
import { passSeatOn, releaseSeat, takeSeat, type WaitingLine } from "../capacity/seats";
import { isDuplicateKey } from "../../db/dialect";
import { Cohort } from "./cohort.entity";
import { Enrollment, activeSlot } from "./enrollment.entity";
import type { ReviewDecision } from "./training.enums";
import { notify } from "../notifications/notification.service";
import { usersOfTrainees } from "../trainees/trainee-recipients";
import { cohortParams, usersOfEnrollments } from "./training-recipients";

function enrollmentWindowOpen(cohort: Cohort, now = new Date()): boolean {
  return (
    (!cohort.enrollmentOpensAt || cohort.enrollmentOpensAt <= now) &&
    (!cohort.enrollmentClosesAt || cohort.enrollmentClosesAt > now)
  );
}

/**
 * AUTO: a free seat at once, else the waitlist. REVIEW: PENDING until staff decide. The seat is
 * taken by a conditional UPDATE and the one-active-enrollment rule by a unique index, so both hold
 * under concurrent requests on either database.
 */
export async function enroll(ctx: RequestContext, cohortId: number | null): Promise<Enrollment> {
  const viewer = ctx.requireViewer();
  if (!viewer.traineeId) fail("NOT_A_TRAINEE", "cohortId");
  const traineeId = viewer.traineeId;
  try {
    return await ctx.transaction(async (tx) => {
      const cohort = cohortId ? await tx.em.findOneBy(Cohort, { id: cohortId }) : null;
      if (!cohort || cohort.status === "DRAFT") return fail("NOT_FOUND", "cohortId");
      if (cohort.status !== "OPEN") fail("COHORT_NOT_OPEN", "cohortId");
      if (!enrollmentWindowOpen(cohort)) fail("ENROLLMENT_CLOSED", "cohortId");
      const slot = activeSlot(cohort.id, traineeId);
      if (await tx.em.countBy(Enrollment, { activeSlot: slot })) fail("ALREADY_ENROLLED", "cohortId");
      let status: Enrollment["status"] = "PENDING";
      if (cohort.admission === "AUTO") status = (await takeSeat(tx.em, Cohort, cohort.id)) ? "ENROLLED" : "WAITLISTED";
      const enrollment = tx.em.create(Enrollment, {
        cohortId: cohort.id,
        traineeId,
        status,
        activeSlot: slot,
        reason: null,
        decidedAt: status === "ENROLLED" ? new Date() : null,
      });
      await tx.em.insert(Enrollment, enrollment);
      await audit(tx, "enrollment.create", subjectOf(enrollment), { cohortId: cohort.id, status });
      return enrollment;
    });
  } catch (err) {
    // A concurrent request of the same trainee won the unique slot; its transaction holds the seat.
    if (isDuplicateKey(err)) fail("ALREADY_ENROLLED", "cohortId");
    throw err;
  }
}

/** The cohort's waitlist, for the shared seat helpers: first come, first seated. */
const WAITLIST: WaitingLine = {
  target: Enrollment,
  parentProperty: "cohortId",
  waiting: "WAITLISTED",
  // Moving up from the waitlist is the admission decision: it is dated like an approval.
  seated: () => ({ status: "ENROLLED", decidedAt: new Date() }),
};

export async function cancelEnrollment(
  ctx: RequestContext,
  enrollmentId: number | null,
  reason?: string | null,
): Promise<Enrollment> {
  const viewer = ctx.requireViewer();
  const check = new InputCheck();
  const why = check.text(reason, "reason", { max: 500 });
  check.done();
  return ctx.transaction(async (tx) => {
    const enrollment = enrollmentId ? await tx.em.findOneBy(Enrollment, { id: enrollmentId }) : null;
    const own = enrollment && enrollment.traineeId === viewer.traineeId;
    if (!enrollment || (!own && !tx.hasRole("STAFF", "ADMIN"))) return fail("NOT_FOUND", "enrollmentId");
    if (!["PENDING", "ENROLLED", "WAITLISTED"].includes(enrollment.status))
      fail("WRONG_STATUS", "enrollmentId", { status: enrollment.status });
    const wasEnrolled = enrollment.status === "ENROLLED";
    Object.assign(enrollment, { status: "CANCELLED", activeSlot: null, reason: why ?? null, decidedAt: new Date() });
    await tx.em.save(enrollment);
    await audit(tx, "enrollment.cancel", subjectOf(enrollment), { by: own ? "trainee" : "staff" });
    if (wasEnrolled) {
      // The seat passes straight to the first waiting trainee (row-locked on MySQL), or back to the pool.
      const cohort = await tx.em.findOneByOrFail(Cohort, { id: enrollment.cohortId });
      if (cohort.status === "OPEN" || cohort.status === "IN_PROGRESS") {
        const seatedId = await passSeatOn(tx.em, Cohort, cohort.id, WAITLIST);
        if (seatedId) {
          await audit(tx, "enrollment.promote", { type: "Enrollment", id: seatedId }, { cohortId: cohort.id });
          await notify(
            tx,
            await usersOfEnrollments(tx, [seatedId]),
            "WAITLIST_PROMOTED",
            await cohortParams(tx, cohort.id),
          );
        }
      } else {
        await releaseSeat(tx.em, Cohort, cohort.id);
      }
    }
    return enrollment;
  });
}

function checkReview(decision: ReviewDecision, reason: string | null | undefined, check = new InputCheck()) {
  const why = check.text(reason, "reason", { max: 500 });
  if (decision === "REJECT" && !why) check.add("REASON_REQUIRED", "reason");
  return why;
}

export async function reviewEnrollment(
  ctx: RequestContext,
  enrollmentId: number | null,
  decision: ReviewDecision,
  reason?: string | null,
): Promise<Enrollment> {
  ctx.requireRole("STAFF");
  const check = new InputCheck();
  const why = checkReview(decision, reason, check);
  check.done();
  return decide(ctx, enrollmentId, decision, why);
}

/** At most this many enrollments in one bulk review: one page of the queue. */
export const BULK_REVIEW_MAX = 100;

/**
 * Staff decide many PENDING enrollments at once. Each enrollment is decided in its own short
 * transaction, as if clicked one by one: one that cannot be decided (no longer pending, cohort
 * full) is reported at its index and left unchanged, and the others go through. Input that is
 * wrong as a whole (no ids, too many, repeated ids, a rejection without a reason) changes nothing.
 */
export async function reviewEnrollments(
  ctx: RequestContext,
  enrollmentIds: (number | null)[],
  decision: ReviewDecision,
  reason?: string | null,
): Promise<{ enrollments: Enrollment[]; errors: UserErrorSpec[] }> {
  ctx.requireRole("STAFF");
  const check = new InputCheck();
  const why = checkReview(decision, reason, check);
  if (!enrollmentIds.length) check.add("REQUIRED", "enrollmentIds");
  if (enrollmentIds.length > BULK_REVIEW_MAX) check.add("TOO_MANY_ITEMS", "enrollmentIds", { max: BULK_REVIEW_MAX });
  const known = enrollmentIds.filter((id) => id !== null);
  if (new Set(known).size !== known.length) check.add("DUPLICATE_VALUE", "enrollmentIds");
  check.done();
  const enrollments: Enrollment[] = [];
  const errors: UserErrorSpec[] = [];
  for (const [index, id] of enrollmentIds.entries()) {
    try {
      enrollments.push(await decide(ctx, id, decision, why));
    } catch (err) {
      if (!(err instanceof UserErrors)) throw err;
      const field = ["input", "enrollmentIds", String(index)];
      errors.push(...err.errors.map((e) => ({ ...e, field, params: { ...e.params, field: "enrollmentId" } })));
    }
  }
  return { enrollments, errors };
}

async function decide(
  ctx: RequestContext,
  enrollmentId: number | null,
  decision: ReviewDecision,
  why: string | null | undefined,
): Promise<Enrollment> {
  return ctx.transaction(async (tx) => {
    const enrollment = enrollmentId ? await tx.em.findOneBy(Enrollment, { id: enrollmentId }) : null;
    if (!enrollment) return fail("NOT_FOUND", "enrollmentId");
    if (enrollment.status !== "PENDING") fail("WRONG_STATUS", "enrollmentId", { status: enrollment.status });
    if (decision === "APPROVE") {
      if (!(await takeSeat(tx.em, Cohort, enrollment.cohortId))) fail("COHORT_FULL", "enrollmentId");
      Object.assign(enrollment, { status: "ENROLLED", reason: why ?? null, decidedAt: new Date() });
    } else {
      Object.assign(enrollment, { status: "REJECTED", activeSlot: null, reason: why, decidedAt: new Date() });
    }
    await tx.em.save(enrollment);
    await audit(tx, "enrollment.review", subjectOf(enrollment), { decision, reason: why ?? null });
    await notify(
      tx,
      await usersOfTrainees(tx, [enrollment.traineeId]),
      decision === "APPROVE" ? "ENROLLMENT_APPROVED" : "ENROLLMENT_REJECTED",
      { ...(await cohortParams(tx, enrollment.cohortId)), reason: why ?? "" },
    );
    return enrollment;
  });
}
