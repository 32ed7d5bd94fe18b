import type { ReactNode } from "react";
import { Tag } from "antd";
import { cohortStatusLabels, enrollmentStatusLabels, notCompletedLabel } from "../../app/enum-labels";
import { useLocale } from "../../app/i18n";
import type { CohortStatus, CompletionOutcome, EnrollmentStatus } from "../../gql/graphql";

const COHORT_COLORS: Record<CohortStatus, string> = {
  DRAFT: "default",
  OPEN: "green",
  IN_PROGRESS: "blue",
  COMPLETED: "purple",
  CANCELLED: "default",
};

const ENROLLMENT_COLORS: Record<EnrollmentStatus, string> = {
  PENDING: "gold",
  ENROLLED: "green",
  WAITLISTED: "orange",
  REJECTED: "red",
  CANCELLED: "default",
  COMPLETED: "purple",
};

export function CohortStatusTag({ status }: { status: CohortStatus }): ReactNode {
  const locale = useLocale();
  return <Tag color={COHORT_COLORS[status]}>{cohortStatusLabels[locale][status]}</Tag>;
}

/** A trainee below the threshold when the cohort completed reads 未结业, not 已取消. */
export function EnrollmentStatusTag({
  status,
  outcome,
}: {
  status: EnrollmentStatus;
  outcome?: CompletionOutcome | null;
}): ReactNode {
  const locale = useLocale();
  if (outcome === "NOT_COMPLETED") return <Tag>{notCompletedLabel[locale]}</Tag>;
  return <Tag color={ENROLLMENT_COLORS[status]}>{enrollmentStatusLabels[locale][status]}</Tag>;
}
