import type { ReactNode } from "react";
import { Tag } from "antd";
import { useLocale } from "../../app/i18n";
import type { ProblemStatus } from "../../gql/graphql";
import { problemStatusLabels as statusLabels } from "../../app/enum-labels";

const STATUS_COLORS: Partial<Record<ProblemStatus, string>> = {
  ANSWERED: "orange",
  CLOSED: "green",
  REOPENED: "red",
  IN_PROGRESS: "blue",
};

/** A problem's status as the enterprise reads it (我的诉求 and a problem's page). */
export function StatusTag({ status }: { status: ProblemStatus }): ReactNode {
  const locale = useLocale();
  return <Tag color={STATUS_COLORS[status]}>{statusLabels[locale][status]}</Tag>;
}
