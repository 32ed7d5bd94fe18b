import { ArgsType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { TEXT_LIMITS } from "@zuofu/shared";
import { UserError } from "../../graphql/errors";
import { MaxLen } from "../../graphql/validation";
import { Attendance, AttendanceStatusEnum, type AttendanceStatus } from "./attendance.entity";
import { Certificate } from "./certificate.entity";
import { ClassSession } from "./class-session.entity";
import { Cohort } from "./cohort.entity";
import { Course } from "./course.entity";
import { Enrollment } from "./enrollment.entity";
import { Feedback } from "./feedback.entity";
import {
  AdmissionModeEnum,
  CertificateStatusEnum,
  CohortStatusEnum,
  EnrollmentStatusEnum,
  ReviewDecisionEnum,
  type AdmissionMode,
  type CertificateStatus,
  type CohortStatus,
  type EnrollmentStatus,
  type ReviewDecision,
} from "./training.enums";

@InputType()
export class CourseFieldsInput {
  @Field({ nullable: true }) @MaxLen(TEXT_LIMITS.Course.title) title?: string;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => String, { nullable: true }) @MaxLen(TEXT_LIMITS.Course.category) category?: string | null;
  @Field(() => [String], { nullable: true }) organizers?: string[];
}
@InputType()
export class CreateCourseInput extends CourseFieldsInput {
  @Field() @MaxLen(TEXT_LIMITS.Course.title) declare title: string;
}
@InputType()
export class UpdateCourseInput extends CourseFieldsInput {
  @Field(() => ID) courseId: string;
}
@ObjectType()
export class CreateCoursePayload {
  @Field(() => Course, { nullable: true }) course?: Course;
  @Field(() => [UserError]) userErrors: UserError[];
}
@ObjectType()
export class UpdateCoursePayload {
  @Field(() => Course, { nullable: true }) course?: Course;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class CohortFieldsInput {
  @Field(() => Int, { nullable: true, description: "Defaults to the course's next number" }) number?: number | null;
  @Field({ nullable: true, description: "YYYY-MM-DD" }) startsOn?: string;
  @Field({ nullable: true, description: "YYYY-MM-DD" }) endsOn?: string;
  @Field(() => String, { nullable: true }) @MaxLen(TEXT_LIMITS.Cohort.venue) venue?: string | null;
  @Field(() => Int, { nullable: true }) capacity?: number;
  @Field(() => AdmissionModeEnum, { nullable: true }) admission?: AdmissionMode;
  @Field(() => Date, { nullable: true }) enrollmentOpensAt?: Date | null;
  @Field(() => Date, { nullable: true }) enrollmentClosesAt?: Date | null;
  @Field(() => Int, { nullable: true }) completionThreshold?: number;
}
@InputType()
export class CreateCohortInput extends CohortFieldsInput {
  @Field(() => ID) courseId: string;
}
@InputType()
export class UpdateCohortInput extends CohortFieldsInput {
  @Field(() => ID) cohortId: string;
}
@ObjectType()
export class CreateCohortPayload {
  @Field(() => Cohort, { nullable: true }) cohort?: Cohort;
  @Field(() => [UserError]) userErrors: UserError[];
}
@ObjectType()
export class UpdateCohortPayload {
  @Field(() => Cohort, { nullable: true }) cohort?: Cohort;
  @Field(() => [UserError]) userErrors: UserError[];
}
@InputType()
export class ChangeCohortStatusInput {
  @Field(() => ID) cohortId: string;
  @Field(() => CohortStatusEnum) status: CohortStatus;
  @Field(() => String, { nullable: true, description: "Required to cancel" }) @MaxLen(500) reason?: string | null;
}
@ObjectType({ description: "What completing the cohort did" })
export class CompletionSummary {
  @Field(() => Int, { description: "Enrollments completed, one certificate each" }) completed: number;
  @Field(() => Int, { description: "Enrollments below the threshold, ended as NOT_COMPLETED" }) notCompleted: number;
  @Field(() => Int, { description: "Pending and waitlisted enrollments released" }) released: number;
}
@ObjectType()
export class ChangeCohortStatusPayload {
  @Field(() => Cohort, { nullable: true }) cohort?: Cohort;
  @Field(() => CompletionSummary, { nullable: true, description: "Set when the cohort was completed" })
  completion?: CompletionSummary | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType({ description: "One enrolled trainee, as completing the cohort now would judge them" })
export class CompletionCandidate {
  @Field(() => Enrollment) enrollment: Enrollment;
  @Field(() => Int, { description: "Sessions attended (present or late)" }) attended: number;
  @Field(() => Int, { description: "Sessions with excused leave: recorded, not attended" }) leave: number;
  @Field(() => Int, { description: "Attended over all the cohort's sessions, in percent" }) rate: number;
  @Field({ description: "At or above the cohort's completion threshold" }) qualifies: boolean;
}
@ObjectType()
export class CompletionPreview {
  @Field(() => Int) threshold: number;
  @Field(() => Int) sessions: number;
  @Field(() => [CompletionCandidate], { description: "Every ENROLLED trainee, those who do not qualify first" })
  candidates: CompletionCandidate[];
  @Field(() => Int, { description: "PENDING and WAITLISTED enrollments that completion releases" })
  waiting: number;
}

@InputType()
export class CohortFilter {
  @Field(() => CohortStatusEnum, { nullable: true }) status?: CohortStatus;
  @Field(() => ID, { nullable: true }) courseId?: string;
  @Field(() => Int, { nullable: true, description: "Cohorts that start in this year" }) year?: number;
  @Field({ nullable: true, description: "Open, and inside the enrollment window now" }) openForEnrollment?: boolean;
}

@InputType()
export class CertificateFilter {
  @Field(() => CertificateStatusEnum, { nullable: true }) status?: CertificateStatus;
  @Field(() => ID, { nullable: true, description: "Completion certificates of one cohort" }) cohortId?: string;
  @Field({ nullable: true, description: "Part of the holder's name, or the start of a serial" })
  @MaxLen(64)
  search?: string;
}

@InputType()
export class SessionFieldsInput {
  @Field({ nullable: true }) @MaxLen(TEXT_LIMITS.ClassSession.topic) topic?: string;
  @Field(() => String, { nullable: true }) @MaxLen(TEXT_LIMITS.ClassSession.lecturer) lecturer?: string | null;
  @Field({ nullable: true }) startsAt?: Date;
  @Field({ nullable: true }) endsAt?: Date;
  @Field(() => String, { nullable: true }) @MaxLen(TEXT_LIMITS.ClassSession.venue) venue?: string | null;
}
@InputType()
export class CreateClassSessionInput extends SessionFieldsInput {
  @Field(() => ID) cohortId: string;
}
@InputType()
export class UpdateClassSessionInput extends SessionFieldsInput {
  @Field(() => ID) sessionId: string;
}
@InputType()
export class DeleteClassSessionInput {
  @Field(() => ID) sessionId: string;
}
@ObjectType()
export class CreateClassSessionPayload {
  @Field(() => ClassSession, { nullable: true }) session?: ClassSession;
  @Field(() => [UserError]) userErrors: UserError[];
}
@ObjectType()
export class UpdateClassSessionPayload {
  @Field(() => ClassSession, { nullable: true }) session?: ClassSession;
  @Field(() => [UserError]) userErrors: UserError[];
}
@ObjectType()
export class DeleteClassSessionPayload {
  @Field(() => Cohort, { nullable: true }) cohort?: Cohort | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class EnrollInput {
  @Field(() => ID) cohortId: string;
}
@ObjectType()
export class EnrollPayload {
  @Field(() => Enrollment, { nullable: true }) enrollment?: Enrollment;
  @Field(() => [UserError]) userErrors: UserError[];
}
@InputType()
export class CancelEnrollmentInput {
  @Field(() => ID) enrollmentId: string;
  @Field(() => String, { nullable: true }) @MaxLen(500) reason?: string | null;
}
@ObjectType()
export class CancelEnrollmentPayload {
  @Field(() => Enrollment, { nullable: true }) enrollment?: Enrollment;
  @Field(() => [UserError]) userErrors: UserError[];
}
@InputType()
export class ReviewEnrollmentInput {
  @Field(() => ID) enrollmentId: string;
  @Field(() => ReviewDecisionEnum) decision: ReviewDecision;
  @Field(() => String, { nullable: true, description: "Required to reject" }) @MaxLen(500) reason?: string | null;
}
@ObjectType()
export class ReviewEnrollmentPayload {
  @Field(() => Enrollment, { nullable: true }) enrollment?: Enrollment;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class ReviewEnrollmentsInput {
  @Field(() => [ID], { description: "PENDING enrollments, at most 100" }) enrollmentIds: string[];
  @Field(() => ReviewDecisionEnum) decision: ReviewDecision;
  @Field(() => String, { nullable: true, description: "Required to reject; given to every trainee" })
  @MaxLen(500)
  reason?: string | null;
}
@ObjectType({ description: "The enrollments decided; userErrors name the others by their index in enrollmentIds" })
export class ReviewEnrollmentsPayload {
  @Field(() => [Enrollment], { nullable: true, description: "Null when the input as a whole was refused" })
  enrollments?: Enrollment[];
  @Field(() => [UserError]) userErrors: UserError[];
}

@ArgsType()
export class EnrollmentListArgs {
  @Field(() => EnrollmentStatusEnum, { nullable: true }) status?: EnrollmentStatus;
}

@InputType()
export class AttendanceEntryInput {
  @Field(() => ID) enrollmentId: string;
  @Field({ nullable: true, description: "Older clients: true for PRESENT, false for ABSENT; status wins when given" })
  present?: boolean;
  @Field(() => AttendanceStatusEnum, { nullable: true }) status?: AttendanceStatus;
}
@InputType()
export class MarkAttendanceInput {
  @Field(() => ID) sessionId: string;
  @Field(() => [AttendanceEntryInput]) entries: AttendanceEntryInput[];
}
@ObjectType()
export class MarkAttendancePayload {
  @Field(() => ClassSession, { nullable: true }) session?: ClassSession;
  @Field(() => [UserError]) userErrors: UserError[];
}
@InputType()
export class CheckInInput {
  @Field({ description: "The code from the rotating QR code on the staff screen" }) @MaxLen(64) code: string;
  @Field(() => ID, { nullable: true, description: "The session the trainee means to check in to" }) sessionId?: string;
}
@ObjectType()
export class CheckInPayload {
  @Field(() => Attendance, { nullable: true }) attendance?: Attendance;
  @Field(() => [UserError]) userErrors: UserError[];
}
@ObjectType()
export class CheckInCode {
  @Field({ description: "Encode as a QR code; it changes every minute" }) code: string;
  @Field() expiresAt: Date;
}

@InputType()
export class RevokeCertificateInput {
  @Field(() => ID) certificateId: string;
  @Field() @MaxLen(500) reason: string;
}
@ObjectType()
export class RevokeCertificatePayload {
  @Field(() => Certificate, { nullable: true }) certificate?: Certificate;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class ReissueCertificateInput {
  @Field(() => ID) certificateId: string;
  @Field({ description: "Why a new paper is issued (lost, name corrected); audited" }) @MaxLen(500) reason: string;
}
@ObjectType()
export class ReissueCertificatePayload {
  @Field(() => Certificate, { nullable: true }) certificate?: Certificate;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class SubmitFeedbackInput {
  @Field(() => ID) cohortId: string;
  @Field(() => ID, { nullable: true, description: "Rate one session; omit to rate the cohort" }) sessionId?: string;
  @Field(() => Int) rating: number;
  @Field(() => String, { nullable: true }) @MaxLen(1000) comment?: string | null;
}
@ObjectType()
export class SubmitFeedbackPayload {
  @Field(() => Feedback, { nullable: true }) feedback?: Feedback;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class FeedbackSummary {
  @Field(() => Int) count: number;
  @Field(() => Number, { nullable: true }) averageRating: number | null;
  @Field(() => [Feedback]) latest: Feedback[];
}

@ObjectType({ description: "What anyone may learn from a certificate's verification code, and nothing more" })
export class CertificateVerification {
  @Field() serial: string;
  @Field() status: string;
  @Field() holderName: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) courseTitle: string | null;
  @Field(() => Int, { nullable: true }) cohortNumber: number | null;
  @Field(() => String, { nullable: true }) startsOn: string | null;
  @Field(() => String, { nullable: true }) endsOn: string | null;
  @Field() issuer: string;
  @Field() issuedAt: Date;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
  @Field(() => String, { nullable: true }) revokeReason: string | null;
}
