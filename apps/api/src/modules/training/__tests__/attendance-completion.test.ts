import "reflect-metadata";
import { TestApp, type TestUser } from "../../../testing/harness";
import type { RequestContext } from "../../../graphql/context";
import { checkInCode } from "../attendance.service";
import { AuditEntry } from "../../audit/audit-entry.entity";
import { Certificate } from "../certificate.entity";
import { ENROLL, STATUS, openCohort } from "./fixtures";

const SESSION = `mutation($i: CreateClassSessionInput!) { createClassSession(input: $i) { session { id } userErrors { code field } } }`;
const MARK = `mutation($i: MarkAttendanceInput!) { markAttendance(input: $i) { session { id attendances { enrollmentId present status method } } userErrors { code field } } }`;
const CHECK_IN = `mutation($i: CheckInInput!) { checkIn(input: $i) { attendance { present method } userErrors { code field message } } }`;
const CODE = `query($id: ID!) { sessionCheckInCode(sessionId: $id) { code expiresAt } }`;

let t: TestApp;
let staff: TestUser;
let admin: TestUser;
let cohortId: string;
let people: TestUser[];
let enrollmentIds: string[];
let sessionIds: string[];

const localSession = (id: string) => Number(Buffer.from(id, "base64url").toString().split(":")[1]);

beforeAll(async () => {
  t = await TestApp.start();
  staff = await t.user(["STAFF"]);
  admin = await t.user(["ADMIN"]);
  cohortId = await openCohort(t, staff, { capacity: 10, title: "作孚企业家精神研修班" });
  people = [
    await t.user(["TRAINEE"], "甲学员"),
    await t.user(["TRAINEE"], "乙学员"),
    await t.user(["TRAINEE"], "丙学员"),
  ];
  enrollmentIds = [];
  for (const p of people)
    enrollmentIds.push((await t.ok(ENROLL, { i: { cohortId } }, { token: p.token })).enroll.enrollment.id);
  const now = Date.now();
  sessionIds = [];
  for (let i = 0; i < 5; i++) {
    // The last session runs now, so the QR check-in can happen in the test.
    const start = i === 4 ? now - 10 * 60_000 : now - (5 - i) * 86_400_000;
    const res = await t.ok(
      SESSION,
      {
        i: {
          cohortId,
          topic: `第${i + 1}讲`,
          lecturer: "西南大学 教授",
          startsAt: new Date(start).toISOString(),
          endsAt: new Date(start + 3 * 3600_000).toISOString(),
        },
      },
      { token: staff.token },
    );
    expect(res.createClassSession.userErrors).toEqual([]);
    sessionIds.push(res.createClassSession.session.id);
  }
  await t.ok(STATUS, { i: { cohortId, status: "IN_PROGRESS" } }, { token: staff.token });
});
afterAll(() => t.close());

describe("sessions", () => {
  it("refuse an end before the start and missing fields", async () => {
    const res = await t.ok(
      SESSION,
      { i: { cohortId, topic: "", startsAt: "2026-03-02T10:00:00Z", endsAt: "2026-03-02T09:00:00Z" } },
      { token: staff.token },
    );
    expect(res.createClassSession.userErrors.map((e: { code: string }) => e.code).sort()).toEqual([
      "ENDS_BEFORE_START",
      "REQUIRED",
    ]);
  });
});

describe("attendance", () => {
  it("staff mark a roster in bulk; only enrolled trainees of this cohort", async () => {
    for (const sessionId of sessionIds.slice(0, 4)) {
      // 甲 attends all four, 乙 two of them (late to the second), 丙 none (excused from the first).
      const index = sessionIds.indexOf(sessionId);
      const entries = [
        { enrollmentId: enrollmentIds[0], present: true },
        { enrollmentId: enrollmentIds[1], status: index === 0 ? "PRESENT" : index === 1 ? "LATE" : "ABSENT" },
        { enrollmentId: enrollmentIds[2], status: index === 0 ? "LEAVE" : "ABSENT" },
      ];
      const res = await t.ok(MARK, { i: { sessionId, entries } }, { token: staff.token });
      expect(res.markAttendance.userErrors).toEqual([]);
      expect(res.markAttendance.session.attendances).toHaveLength(3);
    }
    const other = await openCohort(t, staff, { capacity: 5 });
    const stranger = await t.user(["TRAINEE"]);
    const foreign = (await t.ok(ENROLL, { i: { cohortId: other } }, { token: stranger.token })).enroll.enrollment.id;
    const bad = await t.ok(
      MARK,
      { i: { sessionId: sessionIds[0], entries: [{ enrollmentId: foreign, present: true }] } },
      { token: staff.token },
    );
    expect(bad.markAttendance.userErrors[0].code).toBe("NOT_ENROLLED");
    const noStatus = await t.ok(
      MARK,
      { i: { sessionId: sessionIds[0], entries: [{ enrollmentId: enrollmentIds[0] }] } },
      { token: staff.token },
    );
    expect(noStatus.markAttendance.userErrors[0]).toMatchObject({
      code: "REQUIRED",
      field: ["input", "entries", "0", "status"],
    });
    const marked = await t.ds.query(`SELECT status, present FROM attendance ORDER BY id`);
    expect(marked.map((r: { status: string }) => r.status).slice(0, 3)).toEqual(["PRESENT", "PRESENT", "LEAVE"]);
    expect(marked.filter((r: { status: string }) => r.status === "LATE")).toHaveLength(1);
    const denied = await t.gql(MARK, { i: { sessionId: sessionIds[0], entries: [] } }, { token: people[0].token });
    expect(denied.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("a trainee checks in with the current QR code; forged, expired and other-session codes are refused", async () => {
    const current = await t.ok(CODE, { id: sessionIds[4] }, { token: staff.token });
    const code: string = current.sessionCheckInCode.code;
    expect(new Date(current.sessionCheckInCode.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const forbidden = await t.gql(CODE, { id: sessionIds[4] }, { token: people[0].token });
    expect(forbidden.errors?.[0].extensions?.code).toBe("FORBIDDEN");

    const forged = code.slice(0, -3) + (code.endsWith("AAA") ? "BBB" : "AAA");
    expect((await t.ok(CHECK_IN, { i: { code: forged } }, { token: people[1].token })).checkIn.userErrors[0].code).toBe(
      "INVALID_CHECKIN_CODE",
    );
    expect(
      (await t.ok(CHECK_IN, { i: { code: "garbage" } }, { token: people[1].token })).checkIn.userErrors[0].code,
    ).toBe("INVALID_CHECKIN_CODE");
    const fakeCtx = { app: { config: t.config } } as unknown as RequestContext;
    const old = checkInCode(fakeCtx, localSession(sessionIds[4]), Date.now() - 3 * 60_000).code;
    expect((await t.ok(CHECK_IN, { i: { code: old } }, { token: people[1].token })).checkIn.userErrors[0].code).toBe(
      "CHECKIN_CODE_EXPIRED",
    );
    const wrong = await t.ok(CHECK_IN, { i: { code, sessionId: sessionIds[3] } }, { token: people[1].token });
    expect(wrong.checkIn.userErrors[0].code).toBe("WRONG_SESSION");
    const pastSession = checkInCode(fakeCtx, localSession(sessionIds[0])).code;
    expect(
      (await t.ok(CHECK_IN, { i: { code: pastSession } }, { token: people[1].token })).checkIn.userErrors[0].code,
    ).toBe("SESSION_NOT_NOW");
    const outsider = await t.user(["TRAINEE"]);
    expect((await t.ok(CHECK_IN, { i: { code } }, { token: outsider.token })).checkIn.userErrors[0].code).toBe(
      "NOT_ENROLLED",
    );

    const ok = await t.ok(CHECK_IN, { i: { code, sessionId: sessionIds[4] } }, { token: people[1].token });
    expect(ok.checkIn.attendance).toEqual({ present: true, method: "QR" });
    const twice = await t.ok(CHECK_IN, { i: { code } }, { token: people[1].token });
    expect(twice.checkIn.attendance.present).toBe(true);
    const rate = await t.ok(
      `query($id: ID!) { node(id: $id) { ... on Enrollment { attendanceRate } } }`,
      { id: enrollmentIds[1] },
      { token: people[1].token },
    );
    expect(rate.node.attendanceRate).toBe(60);
  });
});

describe("attendance before a session", () => {
  it("records only excused leave for a session that has not started; nothing else changes", async () => {
    const start = Date.now() + 2 * 86_400_000;
    const future = (
      await t.ok(
        SESSION,
        {
          i: {
            cohortId,
            topic: "第6讲",
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(start + 3 * 3600_000).toISOString(),
          },
        },
        { token: staff.token },
      )
    ).createClassSession.session.id;
    const before = await t.count(AuditEntry, { action: "attendance.mark" });
    const early = await t.ok(
      MARK,
      {
        i: {
          sessionId: future,
          entries: [
            { enrollmentId: enrollmentIds[0], status: "PRESENT" },
            { enrollmentId: enrollmentIds[1], status: "LEAVE" },
          ],
        },
      },
      { token: staff.token },
    );
    expect(early.markAttendance.userErrors).toEqual([{ code: "SESSION_NOT_STARTED", field: ["input", "sessionId"] }]);
    expect(await t.ds.query(`SELECT id FROM attendance WHERE session_id = ?`, [localSession(future)])).toEqual([]);
    const leave = await t.ok(
      MARK,
      { i: { sessionId: future, entries: [{ enrollmentId: enrollmentIds[1], status: "LEAVE" }] } },
      { token: staff.token },
    );
    expect(leave.markAttendance.session.attendances).toEqual([
      expect.objectContaining({ status: "LEAVE", present: false }),
    ]);
    expect(await t.count(AuditEntry, { action: "attendance.mark" })).toBe(before + 1);
    // The session is not part of this cohort's story: gone again, so the rates below stay over five sessions.
    await t.ds.query(`DELETE FROM attendance WHERE session_id = ?`, [localSession(future)]);
    await t.ds.query(`DELETE FROM class_session WHERE id = ?`, [localSession(future)]);
  });
});

describe("completion and certificates", () => {
  let verificationCode: string;
  let serial: string;

  it("staff see who would complete and why the others would not, before completing", async () => {
    const PREVIEW = `query($id: ID!) { node(id: $id) { ... on Cohort { completionPreview { threshold sessions waiting candidates { enrollment { id } attended leave rate qualifies } } } } }`;
    await t.ok(
      MARK,
      { i: { sessionId: sessionIds[4], entries: [{ enrollmentId: enrollmentIds[0], present: true }] } },
      { token: staff.token },
    );
    const res = await t.ok(PREVIEW, { id: cohortId }, { token: staff.token });
    expect(res.node.completionPreview).toEqual({
      threshold: 80,
      sessions: 5,
      waiting: 0,
      candidates: [
        { enrollment: { id: enrollmentIds[2] }, attended: 0, leave: 1, rate: 0, qualifies: false },
        { enrollment: { id: enrollmentIds[1] }, attended: 3, leave: 0, rate: 60, qualifies: false },
        { enrollment: { id: enrollmentIds[0] }, attended: 5, leave: 0, rate: 100, qualifies: true },
      ],
    });
    const denied = await t.gql(PREVIEW, { id: cohortId }, { token: people[0].token });
    expect(denied.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("completing the cohort certifies those at or above 80 % attendance; the others end as not completed", async () => {
    const done = await t.ok(
      `mutation($i: ChangeCohortStatusInput!) { changeCohortStatus(input: $i) { cohort { status } completion { completed notCompleted released } userErrors { code } } }`,
      { i: { cohortId, status: "COMPLETED" } },
      { token: staff.token },
    );
    expect(done.changeCohortStatus.cohort.status).toBe("COMPLETED");
    expect(done.changeCohortStatus.completion).toEqual({ completed: 1, notCompleted: 2, released: 0 });
    const statuses = await Promise.all(
      enrollmentIds.map(
        async (id, i) =>
          (
            await t.ok(
              `query($id: ID!) { node(id: $id) { ... on Enrollment { status outcome reason attendanceRate certificate { serial holderName verificationCode } } } }`,
              { id },
              { token: people[i].token },
            )
          ).node,
      ),
    );
    expect(statuses.map((s) => [s.status, s.outcome, s.attendanceRate])).toEqual([
      ["COMPLETED", "COMPLETED", 100],
      ["CANCELLED", "NOT_COMPLETED", 60],
      ["CANCELLED", "NOT_COMPLETED", 0],
    ]);
    expect(statuses[1].reason).toBe("未达到结业要求：出勤率60%，要求80%");
    expect(statuses[0].certificate).toMatchObject({
      holderName: "甲学员",
      serial: expect.stringMatching(/^ZF2026-\d{3}-0001$/),
    });
    expect(statuses[1].certificate).toBeNull();
    verificationCode = statuses[0].certificate.verificationCode;
    serial = statuses[0].certificate.serial;
    expect(verificationCode).toMatch(/^[2-9A-HJ-NP-Z]{16}$/);
    expect(await t.count(Certificate)).toBe(1);
    const again = await t.ok(STATUS, { i: { cohortId, status: "COMPLETED" } }, { token: staff.token });
    expect(again.changeCohortStatus.userErrors[0].code).toBe("INVALID_TRANSITION");
  });

  it("anyone verifies a certificate by its code, and learns nothing more", async () => {
    const res = await t.ok(
      `query($c: String!) { verifyCertificate(code: $c) { serial status holderName courseTitle cohortNumber startsOn endsOn issuer } }`,
      { c: verificationCode.toLowerCase() },
    );
    expect(res.verifyCertificate).toMatchObject({
      status: "VALID",
      holderName: "甲学员",
      courseTitle: "作孚企业家精神研修班",
      cohortNumber: 1,
      startsOn: "2026-03-01",
      issuer: "中国（卢作孚）民营经济学院",
    });
    expect((await t.ok(`{ verifyCertificate(code: "AAAAAAAAAAAAAAAA") { serial } }`)).verifyCertificate).toBeNull();
    // The serial printed on the paper works too, typed with stray spaces and in lower case.
    const bySerial = await t.ok(`query($c: String!) { verifyCertificate(code: $c) { serial holderName } }`, {
      c: ` ${serial.toLowerCase()} `,
    });
    expect(bySerial.verifyCertificate).toEqual({ serial, holderName: "甲学员" });
    expect((await t.ok(`{ verifyCertificate(code: "ZF2026-999-9999") { serial } }`)).verifyCertificate).toBeNull();
    expect((await t.ok(`{ verifyCertificate(code: "'; DROP TABLE x") { serial } }`)).verifyCertificate).toBeNull();
  });

  it("an admin revokes with a reason; verification then says REVOKED", async () => {
    const cert = await t.ds.getRepository(Certificate).findOneByOrFail({ verificationCode });
    const certId = Buffer.from(`Certificate:${cert.id}`).toString("base64url");
    const REVOKE = `mutation($i: RevokeCertificateInput!) { revokeCertificate(input: $i) { certificate { revokedAt } userErrors { code field } } }`;
    expect(
      (await t.gql(REVOKE, { i: { certificateId: certId, reason: "x" } }, { token: staff.token })).errors?.[0]
        .extensions?.code,
    ).toBe("FORBIDDEN");
    expect(
      (await t.ok(REVOKE, { i: { certificateId: certId, reason: " " } }, { token: admin.token })).revokeCertificate
        .userErrors[0].code,
    ).toBe("REQUIRED");
    expect(
      (await t.ok(REVOKE, { i: { certificateId: certId, reason: "出勤记录有误" } }, { token: admin.token }))
        .revokeCertificate.userErrors,
    ).toEqual([]);
    expect(
      (await t.ok(REVOKE, { i: { certificateId: certId, reason: "again" } }, { token: admin.token })).revokeCertificate
        .userErrors[0].code,
    ).toBe("ALREADY_REVOKED");
    const res = await t.ok(`query($c: String!) { verifyCertificate(code: $c) { status revokeReason } }`, {
      c: verificationCode,
    });
    expect(res.verifyCertificate).toEqual({ status: "REVOKED", revokeReason: "出勤记录有误" });
    expect(await t.count(AuditEntry, { action: "certificate.revoke" })).toBe(1);
  });

  it("an admin reissues with a reason: a new code, the old one stops verifying, the serial stays; bad input changes nothing", async () => {
    const REISSUE = `mutation($i: ReissueCertificateInput!) { reissueCertificate(input: $i) { certificate { serial status verificationCode holderName } userErrors { code field } } }`;
    const cert = await t.ds.getRepository(Certificate).findOneByOrFail({ verificationCode });
    const certId = Buffer.from(`Certificate:${cert.id}`).toString("base64url");
    const audits = await t.count(AuditEntry, { action: "certificate.reissue" });
    expect(
      (await t.gql(REISSUE, { i: { certificateId: certId, reason: "遗失" } }, { token: staff.token })).errors?.[0]
        .extensions?.code,
    ).toBe("FORBIDDEN");
    const blank = await t.ok(REISSUE, { i: { certificateId: certId, reason: "  " } }, { token: admin.token });
    expect(blank.reissueCertificate.userErrors).toEqual([{ code: "REQUIRED", field: ["input", "reason"] }]);
    const unknown = await t.ok(
      REISSUE,
      { i: { certificateId: Buffer.from("Certificate:999999").toString("base64url"), reason: "遗失" } },
      { token: admin.token },
    );
    expect(unknown.reissueCertificate.userErrors[0].code).toBe("NOT_FOUND");
    expect((await t.ds.getRepository(Certificate).findOneByOrFail({ id: cert.id })).verificationCode).toBe(
      verificationCode,
    );
    expect(await t.count(AuditEntry, { action: "certificate.reissue" })).toBe(audits);

    // The holder's name was corrected after issue: the new paper carries it.
    await t.ds.query(`UPDATE trainee SET name = ? WHERE id = ?`, ["甲学员（更正）", people[0].traineeId]);
    const done = await t.ok(REISSUE, { i: { certificateId: certId, reason: "姓名更正" } }, { token: admin.token });
    const fresh = done.reissueCertificate.certificate;
    expect(fresh).toMatchObject({ serial, status: "VALID", holderName: "甲学员（更正）" });
    expect(fresh.verificationCode).not.toBe(verificationCode);
    const verify = `query($c: String!) { verifyCertificate(code: $c) { status holderName } }`;
    expect((await t.ok(verify, { c: verificationCode })).verifyCertificate).toBeNull();
    expect((await t.ok(verify, { c: fresh.verificationCode })).verifyCertificate).toEqual({
      status: "VALID",
      holderName: "甲学员（更正）",
    });
    expect(await t.count(AuditEntry, { action: "certificate.reissue" })).toBe(audits + 1);
    // Back as the rest of this suite knows it: revoked, under its first code.
    await t.ds.getRepository(Certificate).update(cert.id, {
      verificationCode,
      revokedAt: new Date(),
      revokeReason: "出勤记录有误",
      holderName: "甲学员",
    });
  });

  it("staff list certificates by status, cohort and name or serial; trainees may not", async () => {
    const LIST = `query($f: CertificateFilter) { certificates(first: 10, filter: $f) { totalCount edges { node { serial holderName status revokeReason pdfUrl } } } }`;
    const list = async (f: Record<string, unknown>) =>
      (await t.ok(LIST, { f }, { token: staff.token })).certificates as {
        totalCount: number;
        edges: { node: { serial: string; status: string; revokeReason: string | null; pdfUrl: string } }[];
      };
    const revoked = await list({ status: "REVOKED", cohortId });
    expect(revoked.totalCount).toBe(1);
    expect(revoked.edges[0].node).toMatchObject({ serial, status: "REVOKED", revokeReason: "出勤记录有误" });
    expect(revoked.edges[0].node.pdfUrl).toMatch(/^\/certificates\/.+\.pdf\?exp=\d+&sig=/);
    expect((await list({ status: "VALID", cohortId })).totalCount).toBe(0);
    expect((await list({ search: "甲学" })).edges.map((e) => e.node.serial)).toEqual([serial]);
    expect((await list({ search: serial.slice(0, 10).toLowerCase() })).totalCount).toBe(1);
    expect((await list({ search: "%" })).totalCount).toBe(0);
    const denied = await t.gql(LIST, { f: {} }, { token: people[0].token });
    expect(denied.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("only a completed trainee gives feedback, once, rating 1 to 5; staff see the average", async () => {
    const FEEDBACK = `mutation($i: SubmitFeedbackInput!) { submitFeedback(input: $i) { feedback { rating } userErrors { code field } } }`;
    expect(
      (await t.ok(FEEDBACK, { i: { cohortId, rating: 5 } }, { token: people[1].token })).submitFeedback.userErrors[0]
        .code,
    ).toBe("NOT_COMPLETED");
    expect(
      (await t.ok(FEEDBACK, { i: { cohortId, rating: 6 } }, { token: people[0].token })).submitFeedback.userErrors[0]
        .code,
    ).toBe("OUT_OF_RANGE");
    expect(
      (await t.ok(FEEDBACK, { i: { cohortId, rating: 4, comment: "收获很大" } }, { token: people[0].token }))
        .submitFeedback.feedback.rating,
    ).toBe(4);
    expect(
      (await t.ok(FEEDBACK, { i: { cohortId, rating: 5 } }, { token: people[0].token })).submitFeedback.userErrors[0]
        .code,
    ).toBe("FEEDBACK_EXISTS");
    expect(
      (await t.ok(FEEDBACK, { i: { cohortId, sessionId: sessionIds[0], rating: 5 } }, { token: people[0].token }))
        .submitFeedback.userErrors,
    ).toEqual([]);
    const summary = await t.ok(
      `query($id: ID!) { node(id: $id) { ... on Cohort { feedbackSummary { count averageRating latest { comment } } } } }`,
      { id: cohortId },
      { token: staff.token },
    );
    expect(summary.node.feedbackSummary).toMatchObject({ count: 1, averageRating: 4 });
  });

  it("statistics count held cohorts and attendances", async () => {
    const res = await t.ok(
      `{ statistics { cohorts traineeAttendances uniqueTrainees byYear { year cohorts traineeAttendances } } }`,
    );
    expect(res.statistics.cohorts).toBeGreaterThanOrEqual(1);
    expect(res.statistics.byYear.find((y: { year: number }) => y.year === 2026)).toBeDefined();
    expect(res.statistics.traineeAttendances).toBe(3);
    expect(res.statistics.uniqueTrainees).toBe(3);
  });
});
