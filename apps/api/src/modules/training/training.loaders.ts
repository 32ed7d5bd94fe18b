import { In } from "typeorm";
import { byKey, byIdLoader, defineLoader, groupByKey } from "../../loading/loader";
import { nestedPageLoader } from "../../loading/nested-page";
import { Attendance } from "./attendance.entity";
import { Certificate } from "./certificate.entity";
import { ClassSession } from "./class-session.entity";
import { Cohort } from "./cohort.entity";
import { Course } from "./course.entity";
import { Enrollment } from "./enrollment.entity";

export const courseById = byIdLoader("courseById", Course);

export const cohortById = byIdLoader("cohortById", Cohort);

export const sessionById = byIdLoader("sessionById", ClassSession);

export const enrollmentById = byIdLoader("enrollmentById", Enrollment);

export const certificateById = byIdLoader("certificateById", Certificate);

export const sessionsByCohort = defineLoader<number, ClassSession[]>("sessionsByCohort", async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.em.find(ClassSession, { where: { cohortId: In([...ids]) }, order: { startsAt: "ASC", id: "ASC" } }),
    (s) => s.cohortId,
  ),
);

export const cohortsByCourse = defineLoader<number, Cohort[]>("cohortsByCourse", async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.em.find(Cohort, { where: { courseId: In([...ids]) }, order: { number: "ASC" } }),
    (c) => c.courseId,
  ),
);

/** Waitlisted enrollment ids per cohort, first come first: a position is an index in this list. */
export const waitlistByCohort = defineLoader<number, number[]>("waitlistByCohort", async (ctx, ids) => {
  const rows = await ctx.em.find(Enrollment, {
    select: { id: true, cohortId: true },
    where: { cohortId: In([...ids]), status: "WAITLISTED" },
    order: { id: "ASC" },
  });
  return groupByKey(ids, rows, (r) => r.cohortId).map((list) => list.map((r) => r.id));
});

export const sessionCountByCohort = defineLoader<number, number>("sessionCountByCohort", async (ctx, ids) => {
  const rows = await ctx.em
    .createQueryBuilder(ClassSession, "s")
    .select("s.cohort_id", "cid")
    .addSelect("COUNT(*)", "n")
    .where("s.cohort_id IN (:...ids)", { ids })
    .groupBy("s.cohort_id")
    .getRawMany<{ cid: number; n: string | number }>();
  const map = new Map(rows.map((r) => [Number(r.cid), Number(r.n)]));
  return ids.map((id) => map.get(id) ?? 0);
});

export const attendedCountByEnrollment = defineLoader<number, number>("attendedCountByEnrollment", async (ctx, ids) => {
  const rows = await ctx.em
    .createQueryBuilder(Attendance, "a")
    .select("a.enrollment_id", "eid")
    .addSelect("COUNT(*)", "n")
    .where("a.enrollment_id IN (:...ids) AND a.present = :p", { ids, p: true })
    .groupBy("a.enrollment_id")
    .getRawMany<{ eid: number; n: string | number }>();
  const map = new Map(rows.map((r) => [Number(r.eid), Number(r.n)]));
  return ids.map((id) => map.get(id) ?? 0);
});

export const attendancesByEnrollment = defineLoader<number, Attendance[]>("attendancesByEnrollment", async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.em.find(Attendance, { where: { enrollmentId: In([...ids]) }, order: { sessionId: "ASC" } }),
    (a) => a.enrollmentId,
  ),
);

export const attendancesBySession = defineLoader<number, Attendance[]>("attendancesBySession", async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.em.find(Attendance, { where: { sessionId: In([...ids]) }, order: { enrollmentId: "ASC" } }),
    (a) => a.sessionId,
  ),
);

export const certificateByEnrollment = defineLoader<number, Certificate | null>(
  "certificateByEnrollment",
  async (ctx, ids) =>
    byKey(ids, await ctx.em.findBy(Certificate, { enrollmentId: In([...ids]) }), (c) => c.enrollmentId!),
);

export const certificatesByTrainee = defineLoader<number, Certificate[]>("certificatesByTrainee", async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.em.find(Certificate, { where: { traineeId: In([...ids]) }, order: { issuedAt: "DESC" } }),
    (c) => c.traineeId!,
  ),
);

/** The viewer's active enrollment per cohort (for "my status" on catalog pages). */
export const activeEnrollmentOfTrainee = defineLoader<{ cohortId: number; traineeId: number }, Enrollment | null>(
  "activeEnrollmentOfTrainee",
  async (ctx, keys) => {
    const slots = keys.map((k) => `${k.cohortId}:${k.traineeId}`);
    return byKey(slots, await ctx.em.findBy(Enrollment, { activeSlot: In(slots) }), (e) => e.activeSlot!);
  },
  (k) => `${k.cohortId}:${k.traineeId}`,
);

/** A cohort's roster; the trainees and employers it shows come in its statement (their fields declare the joins). */
export const enrollmentsByCohort = nestedPageLoader<Enrollment>("enrollmentsByCohort", Enrollment, "cohortId");

/** A trainee's record; the cohorts and certificates it shows come in its statement. */
export const enrollmentsByTrainee = nestedPageLoader<Enrollment>("enrollmentsByTrainee", Enrollment, "traineeId");
