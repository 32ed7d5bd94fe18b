import type { ReactNode } from "react";
import { Tag } from "antd";
import { formatDateTime } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { PagedTable, usePagedQuery } from "../../app/paged-table";
import type { DeliveryFailureFieldsFragment } from "../../gql/graphql";
import { deliveryFailuresQuery } from "./notifications.documents";
import { notificationMessages } from "./notifications.messages";

/** Staff: e-mails and text messages that failed every attempt. */
export function DeliveryFailuresPage(): ReactNode {
  const t = useT(notificationMessages);
  const locale = useLocale();
  const paged = usePagedQuery(deliveryFailuresQuery, { variables: {}, select: (data) => data.deliveryFailures });
  return (
    <>
      <h1 className="page-title">{t("failuresTitle")}</h1>
      <p className="muted">{t("failuresIntro")}</p>
      <PagedTable<DeliveryFailureFieldsFragment>
        paged={paged}
        locale={{ emptyText: t("noFailures") }}
        columns={[
          {
            title: t("time"),
            dataIndex: "createdAt",
            render: (createdAt: string) => formatDateTime(createdAt, locale),
          },
          {
            title: t("recipient"),
            key: "recipient",
            render: (_, d) => (d.recipient ? `${d.recipient.name} ${d.recipient.phone}` : "—"),
          },
          { title: t("channel"), dataIndex: "channel", render: (channel: "EMAIL" | "SMS") => <Tag>{t(channel)}</Tag> },
          { title: t("attempts"), dataIndex: "attempts" },
          { title: t("lastError"), dataIndex: "lastError", render: (error?: string | null) => error ?? "—" },
          { title: t("message"), key: "message", render: (_, d) => d.notification.message },
        ]}
      />
    </>
  );
}
