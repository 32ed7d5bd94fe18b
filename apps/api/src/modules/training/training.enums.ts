import { registerEnumType } from "type-graphql";

export const ADMISSION_MODES = ["AUTO", "REVIEW"] as const;
export type AdmissionMode = (typeof ADMISSION_MODES)[number];
export const COHORT_STATUSES = ["DRAFT", "OPEN", "IN_PROGRESS", "COMPLETED", "CANCELLED"] as const;
export type CohortStatus = (typeof COHORT_STATUSES)[number];
export const ENROLLMENT_STATUSES = ["PENDING", "ENROLLED", "WAITLISTED", "REJECTED", "CANCELLED", "COMPLETED"] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
/** Statuses that hold the trainee's one place in a cohort. */
export const ACTIVE_ENROLLMENT: EnrollmentStatus[] = ["PENDING", "ENROLLED", "WAITLISTED", "COMPLETED"];
/** How an enrollment ended when its cohort completed; null before, or when it never took part. */
export const COMPLETION_OUTCOMES = ["COMPLETED", "NOT_COMPLETED"] as const;
export type CompletionOutcome = (typeof COMPLETION_OUTCOMES)[number];
export const CERTIFICATE_STATUSES = ["VALID", "REVOKED"] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
export const REVIEW_DECISIONS = ["APPROVE", "REJECT"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const AdmissionModeEnum = asEnum(ADMISSION_MODES);
registerEnumType(AdmissionModeEnum, {
  name: "AdmissionMode",
  description: "AUTO takes a free seat at once, else the waitlist; REVIEW waits for staff",
});
export const CohortStatusEnum = asEnum(COHORT_STATUSES);
registerEnumType(CohortStatusEnum, { name: "CohortStatus" });
export const EnrollmentStatusEnum = asEnum(ENROLLMENT_STATUSES);
registerEnumType(EnrollmentStatusEnum, { name: "EnrollmentStatus" });
export const ReviewDecisionEnum = asEnum(REVIEW_DECISIONS);
registerEnumType(ReviewDecisionEnum, { name: "ReviewDecision" });
export const CertificateStatusEnum = asEnum(CERTIFICATE_STATUSES);
registerEnumType(CertificateStatusEnum, { name: "CertificateStatus" });
export const CompletionOutcomeEnum = asEnum(COMPLETION_OUTCOMES);
registerEnumType(CompletionOutcomeEnum, {
  name: "CompletionOutcome",
  description:
    "COMPLETED: met the attendance threshold, certificate issued; NOT_COMPLETED: below it when the cohort completed",
});
