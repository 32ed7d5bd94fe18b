import { createHmac, timingSafeEqual } from "node:crypto";
import { In } from "typeorm";
import type { RequestContext } from "../../graphql/context";
import { fail } from "../../graphql/errors";
import { audit, subjectOf } from "../audit/audit.service";
import { ATTENDED, Attendance, type AttendanceStatus } from "./attendance.entity";
import { ClassSession } from "./class-session.entity";
import { Enrollment } from "./enrollment.entity";

/** QR codes rotate every minute; the previous minute's code is still taken (scanning takes time). */
export const CODE_PERIOD_MS = 60_000;
/** Self check-in opens this long before a session starts and closes when it ends. */
const CHECK_IN_EARLY_MS = 30 * 60_000;

function sign(secret: string, sessionId: number, slot: number): string {
  return createHmac("sha256", secret).update(`checkin:${sessionId}:${slot}`).digest("base64url").slice(0, 22);
}

export function checkInCode(
  ctx: RequestContext,
  sessionId: number,
  now = Date.now(),
): { code: string; expiresAt: Date } {
  const slot = Math.floor(now / CODE_PERIOD_MS);
  return {
    code: `${sessionId}.${slot}.${sign(ctx.app.config.sessionSecret, sessionId, slot)}`,
    expiresAt: new Date((slot + 1) * CODE_PERIOD_MS),
  };
}

/** The session a code names, after checking its signature and age; refuses anything else. */
export function readCheckInCode(ctx: RequestContext, code: string, now = Date.now()): number {
  const match = /^(\d{1,10})\.(\d{1,12})\.([A-Za-z0-9_-]{22})$/.exec(code.trim());
  if (!match) return fail("INVALID_CHECKIN_CODE", "code");
  const [sessionId, slot] = [Number(match[1]), Number(match[2])];
  const expected = Buffer.from(sign(ctx.app.config.sessionSecret, sessionId, slot));
  if (!timingSafeEqual(expected, Buffer.from(match[3]))) fail("INVALID_CHECKIN_CODE", "code");
  const current = Math.floor(now / CODE_PERIOD_MS);
  if (slot > current || current - slot > 1) fail("CHECKIN_CODE_EXPIRED", "code");
  return sessionId;
}

export async function sessionCheckInCode(ctx: RequestContext, sessionId: number | null) {
  ctx.requireRole("STAFF");
  const session = sessionId ? await ctx.em.findOneBy(ClassSession, { id: sessionId }) : null;
  if (!session) return null;
  return checkInCode(ctx, session.id);
}

export async function selfCheckIn(
  ctx: RequestContext,
  code: string,
  expectedSessionId: number | null | undefined,
): Promise<Attendance> {
  const viewer = ctx.requireViewer();
  const sessionId = readCheckInCode(ctx, code);
  if (expectedSessionId !== undefined && expectedSessionId !== sessionId) fail("WRONG_SESSION", "code");
  return ctx.transaction(async (tx) => {
    const session = await tx.em.findOneBy(ClassSession, { id: sessionId });
    if (!session) return fail("INVALID_CHECKIN_CODE", "code");
    const now = Date.now();
    if (now < session.startsAt.getTime() - CHECK_IN_EARLY_MS || now > session.endsAt.getTime())
      fail("SESSION_NOT_NOW", "code");
    const enrollment = viewer.traineeId
      ? await tx.em.findOneBy(Enrollment, {
          cohortId: session.cohortId,
          traineeId: viewer.traineeId,
          status: "ENROLLED",
        })
      : null;
    if (!enrollment) return fail("NOT_ENROLLED", "code");
    const existing = await tx.em.findOneBy(Attendance, { enrollmentId: enrollment.id, sessionId });
    if (existing?.present) return existing;
    const attendance = existing ?? tx.em.create(Attendance, { enrollmentId: enrollment.id, sessionId });
    Object.assign(attendance, { present: true, status: "PRESENT", method: "QR", recordedAt: new Date() });
    await tx.em.save(attendance);
    await audit(tx, "attendance.checkIn", subjectOf(session), { enrollmentId: enrollment.id });
    return attendance;
  });
}

export interface MarkEntry {
  enrollmentId: number | null;
  status: AttendanceStatus;
}

/**
 * Staff mark a session's roster, one trainee or the whole list in one go. Before a session opens
 * for check-in only excused leave can be recorded: nobody can have attended or missed it yet.
 */
export async function markAttendance(
  ctx: RequestContext,
  sessionId: number | null,
  entries: MarkEntry[],
): Promise<ClassSession> {
  ctx.requireRole("STAFF");
  if (!entries.length) fail("REQUIRED", "entries");
  return ctx.transaction(async (tx) => {
    const session = sessionId ? await tx.em.findOneBy(ClassSession, { id: sessionId }) : null;
    if (!session) return fail("NOT_FOUND", "sessionId");
    if (Date.now() < session.startsAt.getTime() - CHECK_IN_EARLY_MS && entries.some((e) => e.status !== "LEAVE"))
      fail("SESSION_NOT_STARTED", "sessionId");
    const ids = entries.map((e) => e.enrollmentId);
    if (ids.some((id) => id === null)) fail("NOT_FOUND", "enrollmentId");
    const enrollments = await tx.em.findBy(Enrollment, { id: In(ids as number[]), cohortId: session.cohortId });
    const eligible = new Set(
      enrollments.filter((e) => e.status === "ENROLLED" || e.status === "COMPLETED").map((e) => e.id),
    );
    if (ids.some((id) => !eligible.has(id!))) fail("NOT_ENROLLED", "enrollmentId");
    const existing = await tx.em.findBy(Attendance, { sessionId: session.id, enrollmentId: In(ids as number[]) });
    const byEnrollment = new Map(existing.map((a) => [a.enrollmentId, a]));
    const now = new Date();
    const rows = entries.map((e) => {
      const row =
        byEnrollment.get(e.enrollmentId!) ??
        tx.em.create(Attendance, { enrollmentId: e.enrollmentId!, sessionId: session.id });
      return Object.assign(row, {
        present: ATTENDED.includes(e.status),
        status: e.status,
        method: "STAFF",
        recordedAt: now,
      });
    });
    await tx.em.save(rows, { chunk: 200 });
    await audit(tx, "attendance.mark", subjectOf(session), {
      marked: rows.length,
      present: rows.filter((r) => r.present).length,
      leave: rows.filter((r) => r.status === "LEAVE").length,
    });
    return session;
  });
}
