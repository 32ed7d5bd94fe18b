import type { ReactNode } from "react";
import { Tag } from "antd";
import { useLocale } from "../../app/i18n";
import type { RegistrationStatus } from "../../gql/graphql";
import { registrationStatusLabels } from "./events.labels";

const COLORS: Record<RegistrationStatus, string> = { REGISTERED: "green", WAITLISTED: "orange", CANCELLED: "default" };

export function RegistrationStatusTag({ status }: { status: RegistrationStatus }): ReactNode {
  const locale = useLocale();
  return <Tag color={COLORS[status]}>{registrationStatusLabels[locale][status]}</Tag>;
}
