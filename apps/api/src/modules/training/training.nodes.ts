import type { RequestContext } from "../../graphql/context";
import { andThen, definePolicy, everyone, rowsById } from "../../graphql/visibility";
import { traineeById } from "../trainees/trainee.loaders";
import { Attendance } from "./attendance.entity";
import type { Certificate } from "./certificate.entity";
import type { ClassSession } from "./class-session.entity";
import { Cohort } from "./cohort.entity";
import type { Course } from "./course.entity";
import type { Enrollment } from "./enrollment.entity";
import { Feedback } from "./feedback.entity";
import { certificateById, cohortById, courseById, enrollmentById, sessionById } from "./training.loaders";

const staff = (ctx: RequestContext) => ctx.hasRole("STAFF", "ADMIN");

/** A partner key with MEMBERS_READ reads the training records of its member enterprises' people. */
export function partnerReadsTrainee(ctx: RequestContext, traineeId: number | null): boolean | Promise<boolean> {
  if (!ctx.partner || !traineeId || !ctx.hasScope("MEMBERS_READ")) return false;
  return andThen(ctx.load(traineeById, traineeId), (trainee) => ctx.readsMember(trainee?.enterpriseId));
}

/** The person's own, staff, or a member-reading partner's. */
function ownRecord(ctx: RequestContext, traineeId: number | null): boolean | Promise<boolean> {
  return (
    (traineeId !== null && traineeId === ctx.viewer?.traineeId) || staff(ctx) || partnerReadsTrainee(ctx, traineeId)
  );
}

export const coursePolicy = definePolicy<Course>({ byId: courseById, sees: everyone });

/** Drafts are for staff; everything else is the public catalog. */
export const cohortPolicy = definePolicy<Cohort>({
  byId: cohortById,
  sees: (ctx, cohort) => cohort.status !== "DRAFT" || staff(ctx),
  reads: ["status"],
  scope: (ctx, qb) => {
    if (!staff(ctx)) qb.andWhere(`${qb.alias}.status <> :draftCohort`, { draftCohort: "DRAFT" });
  },
  primes: true,
});

/** A class day is seen with its cohort. */
export const classSessionPolicy = definePolicy<ClassSession>({
  byId: sessionById,
  sees: (ctx, session) =>
    staff(ctx) || andThen(ctx.load(cohortById, session.cohortId), (c) => Boolean(c && cohortPolicy.sees(ctx, c))),
});

export const enrollmentPolicy = definePolicy<Enrollment>({
  byId: enrollmentById,
  sees: (ctx, enrollment) => ownRecord(ctx, enrollment.traineeId),
});

/** An award certificate may have no trainee: staff only then. */
export const certificatePolicy = definePolicy<Certificate>({
  byId: certificateById,
  sees: (ctx, certificate) => ownRecord(ctx, certificate.traineeId),
});

/** Seen with its enrollment. */
export const attendancePolicy = definePolicy<Attendance>({
  byId: rowsById(Attendance),
  sees: (ctx, attendance) =>
    staff(ctx) ||
    andThen(ctx.load(enrollmentById, attendance.enrollmentId), (e) => (e ? enrollmentPolicy.sees(ctx, e) : false)),
});

/** Ratings are read by staff; each by the person who gave it. */
export const feedbackPolicy = definePolicy<Feedback>({
  byId: rowsById(Feedback),
  sees: (ctx, feedback) =>
    staff(ctx) ||
    andThen(ctx.load(enrollmentById, feedback.enrollmentId), (e) =>
      Boolean(e && ctx.viewer?.traineeId && e.traineeId === ctx.viewer.traineeId),
    ),
});

export const trainingPolicies = {
  Course: coursePolicy,
  Cohort: cohortPolicy,
  ClassSession: classSessionPolicy,
  Enrollment: enrollmentPolicy,
  Certificate: certificatePolicy,
  Attendance: attendancePolicy,
  Feedback: feedbackPolicy,
};
