import { cohortTitle } from "@zuofu/shared";
import { randomBytes } from "node:crypto";
import { In } from "typeorm";
import type { RequestContext } from "../../graphql/context";
import { fail } from "../../graphql/errors";
import { InputCheck } from "../../common/input-check";
import { audit, subjectOf } from "../audit/audit.service";
import { Trainee } from "../trainees/trainee.entity";
import { Attendance } from "./attendance.entity";
import { Certificate } from "./certificate.entity";
import { ClassSession } from "./class-session.entity";
import { Cohort } from "./cohort.entity";
import { Course } from "./course.entity";
import { Enrollment } from "./enrollment.entity";
import { notify } from "../notifications/notification.service";
import { usersOfTrainees } from "../trainees/trainee-recipients";

export const ISSUER = "中国（卢作孚）民营经济学院";
/** Crockford-style alphabet without look-alikes, for codes people may type from paper. */
const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** 16 characters of 32 symbols: 80 bits, not guessable. */
export function newVerificationCode(): string {
  const bytes = randomBytes(16);
  return Array.from(bytes, (b) => CODE_ALPHABET[b % 32]).join("");
}

/** Attendance rate in percent per enrollment: sessions attended over the cohort's sessions. */
export async function attendanceRates(
  ctx: RequestContext,
  cohortId: number,
  enrollmentIds: number[],
): Promise<Map<number, number>> {
  const sessions = await ctx.em.countBy(ClassSession, { cohortId });
  const rows = enrollmentIds.length
    ? await ctx.em
        .createQueryBuilder(Attendance, "a")
        .select("a.enrollment_id", "eid")
        .addSelect("COUNT(*)", "n")
        .where("a.enrollment_id IN (:...ids) AND a.present = :p", { ids: enrollmentIds, p: true })
        .groupBy("a.enrollment_id")
        .getRawMany<{ eid: number; n: number | string }>()
    : [];
  const attended = new Map(rows.map((r) => [Number(r.eid), Number(r.n)]));
  return new Map(
    enrollmentIds.map((id) => [id, sessions ? Math.round(((attended.get(id) ?? 0) * 100) / sessions) : 0]),
  );
}

/** The next free serial number within one cohort's series (ZF<year>-<cohort>-<n>), so later issues never collide. */
async function nextSerialNumber(ctx: RequestContext, prefix: string): Promise<number> {
  const last = await ctx.em
    .createQueryBuilder(Certificate, "c")
    .select("c.serial", "serial")
    .where("c.serial LIKE :prefix", { prefix: `${prefix}%` })
    .orderBy("c.serial", "DESC")
    .limit(1)
    .getRawOne<{ serial: string }>();
  return last ? Number(last.serial.slice(prefix.length)) + 1 : 1;
}

/**
 * Certificates for completed enrollments of one cohort: a readable serial and an unguessable
 * verification code each. Completing a cohort and importing past cohorts both issue through here.
 */
export async function issueCertificates(
  ctx: RequestContext,
  cohort: Cohort,
  course: Course,
  completed: Pick<Enrollment, "id" | "traineeId">[],
): Promise<number> {
  if (!completed.length) return 0;
  const trainees = await ctx.em.findBy(Trainee, { id: In([...new Set(completed.map((e) => e.traineeId))]) });
  const names = new Map(trainees.map((t) => [t.id, t.name]));
  const prefix = `ZF${cohort.endsOn.slice(0, 4)}-${String(cohort.id).padStart(3, "0")}-`;
  const first = await nextSerialNumber(ctx, prefix);
  const now = new Date();
  const certificates = completed.map((e, i) => ({
    enrollmentId: e.id,
    traineeId: e.traineeId,
    serial: `${prefix}${String(first + i).padStart(4, "0")}`,
    verificationCode: newVerificationCode(),
    holderName: names.get(e.traineeId) ?? "",
    title: `${cohortTitle(course.title, cohort.number)} 结业证书`,
    courseTitle: course.title,
    cohortNumber: cohort.number,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    issuer: ISSUER,
    issuedAt: now,
    revokedAt: null,
    revokeReason: null,
  }));
  for (let i = 0; i < certificates.length; i += 500) await ctx.em.insert(Certificate, certificates.slice(i, i + 500));
  return certificates.length;
}

/**
 * Runs inside the status change: enrolled trainees at or above the threshold complete and get a
 * certificate; those still waiting are released.
 */
export async function completeCohort(ctx: RequestContext, cohort: Cohort): Promise<Record<string, number>> {
  const enrolled = await ctx.em.find(Enrollment, {
    where: { cohortId: cohort.id, status: "ENROLLED" },
    order: { id: "ASC" },
  });
  const rates = await attendanceRates(
    ctx,
    cohort.id,
    enrolled.map((e) => e.id),
  );
  const passing = enrolled.filter((e) => (rates.get(e.id) ?? 0) >= cohort.completionThreshold);
  if (passing.length) {
    await ctx.em
      .createQueryBuilder()
      .update(Enrollment)
      .set({ status: "COMPLETED" })
      .where("id IN (:...ids)", { ids: passing.map((e) => e.id) })
      .execute();
    const course = await ctx.em.findOneByOrFail(Course, { id: cohort.courseId });
    await issueCertificates(ctx, cohort, course, passing);
    await notify(
      ctx,
      await usersOfTrainees(
        ctx,
        passing.map((e) => e.traineeId),
      ),
      "CERTIFICATE_ISSUED",
      { cohort: cohortTitle(course.title, cohort.number) },
    );
  }
  const released = await ctx.em
    .createQueryBuilder()
    .update(Enrollment)
    .set({ status: "CANCELLED", activeSlot: null, reason: "班次已结业" })
    .where("cohort_id = :id AND status IN (:...s)", { id: cohort.id, s: ["PENDING", "WAITLISTED"] })
    .execute();
  return {
    completed: passing.length,
    notCompleted: enrolled.length - passing.length,
    released: released.affected ?? 0,
  };
}

export async function revokeCertificate(
  ctx: RequestContext,
  certificateId: number | null,
  reason: string,
): Promise<Certificate> {
  ctx.requireRole("ADMIN");
  const check = new InputCheck();
  const why = check.requiredText(reason, "reason", 500);
  check.done();
  return ctx.transaction(async (tx) => {
    const certificate = certificateId ? await tx.em.findOneBy(Certificate, { id: certificateId }) : null;
    if (!certificate) return fail("NOT_FOUND", "certificateId");
    if (certificate.revokedAt) fail("ALREADY_REVOKED", "certificateId");
    Object.assign(certificate, { revokedAt: new Date(), revokeReason: why });
    await tx.em.save(certificate);
    await audit(tx, "certificate.revoke", subjectOf(certificate), { reason: why });
    return certificate;
  });
}

export function findByVerificationCode(ctx: RequestContext, code: string): Promise<Certificate | null> {
  const normalized = code.trim().toUpperCase();
  if (!/^[0-9A-Z]{8,32}$/.test(normalized)) return Promise.resolve(null);
  return ctx.em.findOneBy(Certificate, { verificationCode: normalized });
}
