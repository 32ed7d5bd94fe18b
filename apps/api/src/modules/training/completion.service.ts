import { cohortTitle } from "@zuofu/shared";
import { randomBytes } from "node:crypto";
import { Brackets, In } from "typeorm";
import { paginate, type ConnectionArgs, type Page } from "../../graphql/connection";
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
import type { CertificateStatus } from "./training.enums";
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

export interface CompletionCandidate {
  enrollment: Enrollment;
  attended: number;
  leave: number;
  rate: number;
  qualifies: boolean;
}

/**
 * Who completes if the cohort completes now: every ENROLLED trainee with the sessions attended
 * (present or late), the excused leave and the rate against the cohort's threshold.
 */
export async function completionCandidates(ctx: RequestContext, cohort: Cohort): Promise<CompletionCandidate[]> {
  const enrolled = await ctx.em.find(Enrollment, {
    where: { cohortId: cohort.id, status: "ENROLLED" },
    order: { id: "ASC" },
  });
  const sessions = await ctx.em.countBy(ClassSession, { cohortId: cohort.id });
  const rows = enrolled.length
    ? await ctx.em
        .createQueryBuilder(Attendance, "a")
        .select("a.enrollment_id", "eid")
        .addSelect("SUM(CASE WHEN a.present = :p THEN 1 ELSE 0 END)", "attended")
        .addSelect("SUM(CASE WHEN a.status = :leave THEN 1 ELSE 0 END)", "leave")
        .where("a.session_id IN (SELECT s.id FROM class_session s WHERE s.cohort_id = :cohortId)", {
          cohortId: cohort.id,
          p: true,
          leave: "LEAVE",
        })
        .groupBy("a.enrollment_id")
        .getRawMany<{ eid: number; attended: number | string; leave: number | string }>()
    : [];
  const byEnrollment = new Map(rows.map((r) => [Number(r.eid), r]));
  return enrolled.map((enrollment) => {
    const row = byEnrollment.get(enrollment.id);
    const attended = Number(row?.attended ?? 0);
    const rate = sessions ? Math.round((attended * 100) / sessions) : 0;
    return {
      enrollment,
      attended,
      leave: Number(row?.leave ?? 0),
      rate,
      qualifies: rate >= cohort.completionThreshold,
    };
  });
}

/**
 * Runs inside the status change: enrolled trainees at or above the threshold complete and get a
 * certificate; those below end as not completed (CANCELLED, outcome NOT_COMPLETED, the rate as
 * the reason); those still waiting are released.
 */
export async function completeCohort(
  ctx: RequestContext,
  cohort: Cohort,
): Promise<{ completed: number; notCompleted: number; released: number }> {
  const candidates = await completionCandidates(ctx, cohort);
  const passing = candidates.filter((c) => c.qualifies).map((c) => c.enrollment);
  const failing = candidates.filter((c) => !c.qualifies);
  const now = new Date();
  if (passing.length) {
    await ctx.em
      .createQueryBuilder()
      .update(Enrollment)
      .set({ status: "COMPLETED", outcome: "COMPLETED" })
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
  // One statement per distinct rate: the reason names it, and a cohort has few distinct rates.
  const byRate = new Map<number, number[]>();
  for (const c of failing) byRate.set(c.rate, [...(byRate.get(c.rate) ?? []), c.enrollment.id]);
  for (const [rate, ids] of byRate) {
    await ctx.em
      .createQueryBuilder()
      .update(Enrollment)
      .set({
        status: "CANCELLED",
        outcome: "NOT_COMPLETED",
        activeSlot: null,
        decidedAt: now,
        reason: `未达到结业要求：出勤率${rate}%，要求${cohort.completionThreshold}%`,
      })
      .where("id IN (:...ids)", { ids })
      .execute();
  }
  // Their seats end with their enrollments; the caller saves the cohort.
  cohort.seatsTaken -= failing.length;
  const released = await ctx.em
    .createQueryBuilder()
    .update(Enrollment)
    .set({ status: "CANCELLED", activeSlot: null, reason: "班次已结业" })
    .where("cohort_id = :id AND status IN (:...s)", { id: cohort.id, s: ["PENDING", "WAITLISTED"] })
    .execute();
  return {
    completed: passing.length,
    notCompleted: failing.length,
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

/**
 * A new paper for the same certificate (lost, or the holder's name corrected): the serial stays,
 * the verification code is new, so the old paper's QR code and code no longer verify; the holder's
 * name is read again from the trainee, and a revocation is lifted. Admin, with a reason, audited.
 */
export async function reissueCertificate(
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
    const trainee = certificate.traineeId ? await tx.em.findOneBy(Trainee, { id: certificate.traineeId }) : null;
    const before = { holderName: certificate.holderName, revoked: certificate.revokedAt !== null };
    Object.assign(certificate, {
      verificationCode: newVerificationCode(),
      holderName: trainee?.name ?? certificate.holderName,
      issuedAt: new Date(),
      revokedAt: null,
      revokeReason: null,
    });
    await tx.em.save(certificate);
    await audit(tx, "certificate.reissue", subjectOf(certificate), {
      reason: why,
      ...before,
      holderNameNow: certificate.holderName,
    });
    return certificate;
  });
}

/** Serials as printed: ZF2024-041-0007 for completion, ZFA2024-003-0001 for awards. */
const SERIAL = /^ZFA?\d{4}-\d{3,}-\d{4,}$/;

/**
 * The certificate behind what a visitor typed from the paper: its verification code (the
 * unguessable one the QR code carries) or its serial number; null for anything else.
 */
export function findByCodeOrSerial(ctx: RequestContext, code: string): Promise<Certificate | null> {
  const normalized = code.replace(/[\s\u3000]/g, "").toUpperCase();
  if (SERIAL.test(normalized)) return ctx.em.findOneBy(Certificate, { serial: normalized });
  if (!/^[0-9A-Z]{8,32}$/.test(normalized)) return Promise.resolve(null);
  return ctx.em.findOneBy(Certificate, { verificationCode: normalized });
}

export interface CertificateFilter {
  status?: CertificateStatus | null;
  cohortId?: number | null;
  search?: string | null;
}

/** Issued certificates for staff, newest first. */
export function listCertificates(
  ctx: RequestContext,
  filter: CertificateFilter,
  args: ConnectionArgs,
): Promise<Page<Certificate>> {
  ctx.requireRole("STAFF");
  const qb = ctx.em.createQueryBuilder(Certificate, "certificate");
  if (filter.status === "VALID") qb.andWhere("certificate.revoked_at IS NULL");
  if (filter.status === "REVOKED") qb.andWhere("certificate.revoked_at IS NOT NULL");
  if (filter.cohortId !== undefined) {
    qb.andWhere("certificate.enrollment_id IN (SELECT e.id FROM enrollment e WHERE e.cohort_id = :cohortId)", {
      cohortId: filter.cohortId ?? 0,
    });
  }
  const search = filter.search?.trim();
  if (search) {
    // "!" escapes the wildcards the same way on SQLite and MySQL (a backslash does not).
    const escaped = search.replace(/[%_!]/g, "!$&");
    qb.andWhere(
      new Brackets((w) =>
        w
          .where("certificate.holder_name LIKE :name ESCAPE '!'", { name: `%${escaped}%` })
          .orWhere("certificate.serial LIKE :serial ESCAPE '!'", { serial: `${escaped.toUpperCase()}%` }),
      ),
    );
  }
  return paginate(qb, args, [{ expr: "certificate.id", value: (c: Certificate) => c.id, direction: "DESC" }]);
}
