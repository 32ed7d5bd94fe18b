import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { Connection, ConnectionArgs } from "../../graphql/connection";
import { CertificateStatusEnum, type CertificateStatus } from "./training.enums";
import { nestedKey } from "../../loading/nested-page";
import { localId, toGlobalId } from "../../graphql/ids";
import { UserErrors, toUserErrors } from "../../graphql/errors";
import { Trainee } from "../trainees/trainee.entity";
import { traineeById } from "../trainees/trainee.loaders";
import { Attendance, type AttendanceStatus } from "./attendance.entity";
import { Certificate } from "./certificate.entity";
import { ClassSession } from "./class-session.entity";
import { Cohort } from "./cohort.entity";
import { Enrollment } from "./enrollment.entity";
import { EnrollmentConnection } from "./cohort.resolver";
import * as enrollments from "./enrollment.service";
import * as attendance from "./attendance.service";
import { findByCodeOrSerial, listCertificates, reissueCertificate, revokeCertificate } from "./completion.service";
import { certificatePdfPath } from "./certificate-pdf.service";
import { submitFeedback } from "./feedback.service";
import {
  attendancesByEnrollment,
  attendancesBySession,
  attendedCountByEnrollment,
  certificateByEnrollment,
  certificatesByTrainee,
  cohortById,
  enrollmentsByTrainee,
  sessionById,
  sessionCountByCohort,
  waitlistByCohort,
} from "./training.loaders";
import {
  CancelEnrollmentInput,
  CancelEnrollmentPayload,
  CertificateFilter,
  CertificateVerification,
  CheckInCode,
  CheckInInput,
  CheckInPayload,
  EnrollInput,
  EnrollmentListArgs,
  EnrollPayload,
  MarkAttendanceInput,
  MarkAttendancePayload,
  ReviewEnrollmentInput,
  ReviewEnrollmentPayload,
  ReviewEnrollmentsInput,
  ReviewEnrollmentsPayload,
  ReissueCertificateInput,
  ReissueCertificatePayload,
  RevokeCertificateInput,
  RevokeCertificatePayload,
  SubmitFeedbackInput,
  SubmitFeedbackPayload,
} from "./training.inputs";
import { join, Loads } from "../../loading/declare";

@Resolver(() => Enrollment)
export class EnrollmentResolver {
  @FieldResolver(() => Cohort)
  @Loads(Enrollment, { joins: [join(Cohort, "cohortId", cohortById)] })
  cohort(@Root() enrollment: Enrollment, @Ctx() ctx: RequestContext) {
    return ctx.load(cohortById, enrollment.cohortId);
  }

  @FieldResolver(() => Trainee)
  @Loads(Enrollment, { joins: [join(Trainee, "traineeId", traineeById)] })
  trainee(@Root() enrollment: Enrollment, @Ctx() ctx: RequestContext) {
    return ctx.load(traineeById, enrollment.traineeId);
  }

  @FieldResolver(() => Int, { nullable: true, description: "1 for the first in line; null unless WAITLISTED" })
  @Loads(Enrollment, { reads: ["status"] })
  async waitlistPosition(@Root() enrollment: Enrollment, @Ctx() ctx: RequestContext): Promise<number | null> {
    if (enrollment.status !== "WAITLISTED") return null;
    const line = await ctx.load(waitlistByCohort, enrollment.cohortId);
    const index = line!.indexOf(enrollment.id);
    return index < 0 ? null : index + 1;
  }

  @FieldResolver(() => Int, { description: "Percent of the cohort's sessions attended" })
  @Loads(Enrollment)
  async attendanceRate(@Root() enrollment: Enrollment, @Ctx() ctx: RequestContext): Promise<number> {
    const [sessions, attended] = await Promise.all([
      ctx.load(sessionCountByCohort, enrollment.cohortId),
      ctx.load(attendedCountByEnrollment, enrollment.id),
    ]);
    return sessions ? Math.round((attended! * 100) / sessions) : 0;
  }

  @FieldResolver(() => [Attendance])
  @Loads(Enrollment)
  attendances(@Root() enrollment: Enrollment, @Ctx() ctx: RequestContext) {
    return ctx.load(attendancesByEnrollment, enrollment.id);
  }

  @FieldResolver(() => Certificate, { nullable: true })
  @Loads(Enrollment, {
    reads: ["status"],
    joins: [join(Certificate, "id", certificateByEnrollment, { on: "enrollmentId" })],
  })
  certificate(@Root() enrollment: Enrollment, @Ctx() ctx: RequestContext) {
    return enrollment.status === "COMPLETED" ? ctx.load(certificateByEnrollment, enrollment.id) : null;
  }

  @Mutation(() => EnrollPayload, {
    description: "The signed-in trainee enrolls: a seat, the waitlist, or PENDING review",
  })
  async enroll(@Ctx() ctx: RequestContext, @Arg("input") input: EnrollInput): Promise<EnrollPayload> {
    return { enrollment: await enrollments.enroll(ctx, localId(input.cohortId, "Cohort")), userErrors: [] };
  }

  @Mutation(() => CancelEnrollmentPayload, {
    description: "The trainee (own) or staff; a freed seat goes to the waitlist",
  })
  async cancelEnrollment(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: CancelEnrollmentInput,
  ): Promise<CancelEnrollmentPayload> {
    return {
      enrollment: await enrollments.cancelEnrollment(ctx, localId(input.enrollmentId, "Enrollment"), input.reason),
      userErrors: [],
    };
  }

  @Mutation(() => ReviewEnrollmentPayload, { description: "Staff approve or reject a PENDING enrollment" })
  async reviewEnrollment(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: ReviewEnrollmentInput,
  ): Promise<ReviewEnrollmentPayload> {
    return {
      enrollment: await enrollments.reviewEnrollment(
        ctx,
        localId(input.enrollmentId, "Enrollment"),
        input.decision,
        input.reason,
      ),
      userErrors: [],
    };
  }

  @Mutation(() => ReviewEnrollmentsPayload, {
    description: "Staff approve or reject many PENDING enrollments, each on its own; the summary is in the payload",
  })
  async reviewEnrollments(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: ReviewEnrollmentsInput,
  ): Promise<ReviewEnrollmentsPayload> {
    const { enrollments: decided, errors } = await enrollments.reviewEnrollments(
      ctx,
      input.enrollmentIds.map((id) => localId(id, "Enrollment")),
      input.decision,
      input.reason,
    );
    return { enrollments: decided, userErrors: toUserErrors(errors, ctx.locale) };
  }

  @Mutation(() => MarkAttendancePayload, { description: "Staff mark one or many trainees of a session" })
  async markAttendance(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: MarkAttendanceInput,
  ): Promise<MarkAttendancePayload> {
    const entries = input.entries.map((e, i) => {
      if (!e.status && (e.present === undefined || e.present === null))
        throw new UserErrors([
          { code: "REQUIRED", field: ["input", "entries", String(i), "status"], params: { field: "status" } },
        ]);
      const status: AttendanceStatus = e.status ?? (e.present ? "PRESENT" : "ABSENT");
      return { enrollmentId: localId(e.enrollmentId, "Enrollment"), status };
    });
    return {
      session: await attendance.markAttendance(ctx, localId(input.sessionId, "ClassSession"), entries),
      userErrors: [],
    };
  }

  @Mutation(() => CheckInPayload, { description: "A trainee checks in with the session's current QR code" })
  async checkIn(@Ctx() ctx: RequestContext, @Arg("input") input: CheckInInput): Promise<CheckInPayload> {
    const expected = input.sessionId === undefined ? undefined : localId(input.sessionId, "ClassSession");
    return { attendance: await attendance.selfCheckIn(ctx, input.code, expected), userErrors: [] };
  }

  @Query(() => CheckInCode, {
    nullable: true,
    description: "Staff: the session's current check-in code for the big screen",
  })
  sessionCheckInCode(@Ctx() ctx: RequestContext, @Arg("sessionId", () => ID) sessionId: string) {
    return attendance.sessionCheckInCode(ctx, localId(sessionId, "ClassSession"));
  }

  @Query(() => CertificateVerification, {
    nullable: true,
    description:
      "Public: what a certificate certifies, by its verification code (验证码) or its serial number (证书编号); null for an unknown one",
  })
  async verifyCertificate(
    @Ctx() ctx: RequestContext,
    @Arg("code", { description: "The verification code or the serial number, as printed" }) code: string,
  ): Promise<CertificateVerification | null> {
    const c = await findByCodeOrSerial(ctx, code);
    if (!c) return null;
    return {
      serial: c.serial,
      status: c.revokedAt ? "REVOKED" : "VALID",
      holderName: c.holderName,
      title: c.title,
      courseTitle: c.courseTitle,
      cohortNumber: c.cohortNumber,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      issuer: c.issuer,
      issuedAt: c.issuedAt,
      revokedAt: c.revokedAt,
      revokeReason: c.revokeReason,
    };
  }

  @Mutation(() => RevokeCertificatePayload, { description: "Admin; verification then answers REVOKED" })
  async revokeCertificate(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: RevokeCertificateInput,
  ): Promise<RevokeCertificatePayload> {
    return {
      certificate: await revokeCertificate(ctx, localId(input.certificateId, "Certificate"), input.reason),
      userErrors: [],
    };
  }

  @Mutation(() => ReissueCertificatePayload, {
    description: "Admin: a new paper with a new verification code (the old one stops verifying); lifts a revocation",
  })
  async reissueCertificate(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: ReissueCertificateInput,
  ): Promise<ReissueCertificatePayload> {
    return {
      certificate: await reissueCertificate(ctx, localId(input.certificateId, "Certificate"), input.reason),
      userErrors: [],
    };
  }

  @Mutation(() => SubmitFeedbackPayload, { description: "A completed trainee rates the cohort or a session, once" })
  async submitFeedback(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: SubmitFeedbackInput,
  ): Promise<SubmitFeedbackPayload> {
    const feedback = await submitFeedback(ctx, {
      cohortId: localId(input.cohortId, "Cohort"),
      sessionId: input.sessionId === undefined ? undefined : localId(input.sessionId, "ClassSession"),
      sessionGiven: input.sessionId !== undefined,
      rating: input.rating,
      comment: input.comment,
    });
    return { feedback, userErrors: [] };
  }
}

/** A certificate without a trainee (an award's) has no holder account: staff only. */
const holderOrStaff = (ctx: RequestContext, certificate: Certificate) =>
  (certificate.traineeId !== null && ctx.viewer?.traineeId === certificate.traineeId) || ctx.hasRole("STAFF", "ADMIN");

@ObjectType()
export class CertificateConnection extends Connection(Certificate) {}

@Resolver(() => Certificate)
export class CertificateResolver {
  @Query(() => CertificateConnection, { description: "Staff: issued certificates, newest first" })
  certificates(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg("filter", () => CertificateFilter, { nullable: true }) filter?: CertificateFilter,
  ) {
    const cohortId = filter?.cohortId === undefined ? undefined : localId(filter.cohortId, "Cohort");
    return listCertificates(ctx, { ...filter, cohortId }, page);
  }

  @FieldResolver(() => CertificateStatusEnum)
  @Loads(Certificate, { reads: ["revokedAt"] })
  status(@Root() certificate: Certificate): CertificateStatus {
    return certificate.revokedAt ? "REVOKED" : "VALID";
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "For the holder and staff: the code the QR code carries",
  })
  @Loads(Certificate, { reads: ["verificationCode"] })
  verificationCode(@Root() certificate: Certificate, @Ctx() ctx: RequestContext): string | null {
    return holderOrStaff(ctx, certificate) ? certificate.verificationCode : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "For the holder and staff: a PDF download path, signed and valid for 10 minutes",
  })
  @Loads(Certificate)
  pdfUrl(@Root() certificate: Certificate, @Ctx() ctx: RequestContext): string | null {
    return holderOrStaff(ctx, certificate) ? certificatePdfPath(ctx.app.config.sessionSecret, certificate.id) : null;
  }
}

@Resolver(() => ClassSession)
export class ClassSessionResolver {
  @FieldResolver(() => Cohort)
  @Loads(ClassSession, { joins: [join(Cohort, "cohortId", cohortById)] })
  cohort(@Root() session: ClassSession, @Ctx() ctx: RequestContext) {
    return ctx.load(cohortById, session.cohortId);
  }

  @FieldResolver(() => [Attendance], { description: "The roster as marked (staff)" })
  @Loads(ClassSession)
  attendances(@Root() session: ClassSession, @Ctx() ctx: RequestContext) {
    ctx.requireRole("STAFF");
    return ctx.load(attendancesBySession, session.id);
  }
}

@Resolver(() => Attendance)
export class AttendanceResolver {
  @FieldResolver(() => ID, { description: "Global ID of the enrollment" })
  @Loads(Attendance)
  enrollmentId(@Root() a: Attendance): string {
    return toGlobalId("Enrollment", a.enrollmentId);
  }

  @FieldResolver(() => ClassSession)
  @Loads(Attendance, { joins: [join(ClassSession, "sessionId", sessionById)] })
  session(@Root() a: Attendance, @Ctx() ctx: RequestContext) {
    return ctx.load(sessionById, a.sessionId);
  }
}

/** A trainee's training record, on the trainee (the person and staff). */
@Resolver(() => Trainee)
export class TraineeTrainingResolver {
  @FieldResolver(() => EnrollmentConnection)
  @Loads(Trainee)
  enrollments(
    @Root() trainee: Trainee,
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Args() list: EnrollmentListArgs,
  ) {
    // A partner's key with MEMBERS_READ reads the records of its member enterprises' people.
    if (ctx.viewer?.traineeId !== trainee.id && !ctx.readsMember(trainee.enterpriseId)) ctx.requireRole("STAFF");
    return ctx.load(
      enrollmentsByTrainee,
      nestedKey(trainee.id, page, list.status ? { column: "status", value: list.status } : null),
    );
  }

  @FieldResolver(() => [Certificate])
  @Loads(Trainee)
  certificates(@Root() trainee: Trainee, @Ctx() ctx: RequestContext) {
    // A partner's key with MEMBERS_READ reads the records of its member enterprises' people.
    if (ctx.viewer?.traineeId !== trainee.id && !ctx.readsMember(trainee.enterpriseId)) ctx.requireRole("STAFF");
    return ctx.load(certificatesByTrainee, trainee.id);
  }
}
