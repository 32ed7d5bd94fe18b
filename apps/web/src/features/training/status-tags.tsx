import type { ReactNode } from "react";
import { Tag } from "antd";
import { cohortStatusLabels, enrollmentStatusLabels } from "../../app/enum-labels";
import { useLocale } from "../../app/i18n";
import type { CohortStatus, EnrollmentStatus } from "../../gql/graphql";

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

export function EnrollmentStatusTag({ status }: { status: EnrollmentStatus }): ReactNode {
  const locale = useLocale();
  return <Tag color={ENROLLMENT_COLORS[status]}>{enrollmentStatusLabels[locale][status]}</Tag>;
}
