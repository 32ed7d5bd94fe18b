import { useState, type ReactNode } from "react";
import { Button, Segmented } from "antd";
import { beijingDay, formatDateTime, formatTime } from "../../app/format";
import { enumValues } from "../../app/enum-labels";
import { useLocale, useT } from "../../app/i18n";
import { lazyComponent } from "../../app/lazy";
import { PageLoading } from "../../app/page-state";
import { PagedTable, usePagedQuery } from "../../app/paged-table";
import type { EventFieldsFragment, RegistrationRowFragment, RegistrationStatus } from "../../gql/graphql";
import { ExportButton } from "../exports/export-button";
import { eventRegistrationsQuery } from "./events-console.documents";
import { eventConsoleMessages } from "./events-console.messages";
import { registrationStatusLabels } from "./events.labels";
import { RegistrationStatusTag } from "./registration-status-tag";

// The door's check (its form and camera) loads on the event's day, or when staff open it.
const TicketCheckIn = lazyComponent(() => import("./ticket-check-in"), "TicketCheckIn", <PageLoading />);

type StatusTab = RegistrationStatus | "ALL";
const EMPTY = { totalCount: 0, pageInfo: { hasNextPage: false }, edges: [] };

/** An event's registrations by status, and the door: a ticket code (typed, from a scanner or the camera) checks its holder in. */
export function EventRegistrations({ event }: { event: EventFieldsFragment }): ReactNode {
  const t = useT(eventConsoleMessages);
  const locale = useLocale();
  const [status, setStatus] = useState<StatusTab>("REGISTERED");
  const [door, setDoor] = useState(() => beijingDay(event.startsAt) === beijingDay());
  const paged = usePagedQuery(eventRegistrationsQuery, {
    variables: { id: event.id, status: status === "ALL" ? null : status },
    select: (data) => (data.node?.__typename === "Event" ? data.node.registrations : EMPTY),
  });

  return (
    <>
      {event.status === "PUBLISHED" &&
        (door ? (
          <TicketCheckIn eventId={event.id} />
        ) : (
          <Button style={{ marginBottom: 16 }} onClick={() => setDoor(true)}>
            {t("openCheckIn")}
          </Button>
        ))}
      <div className="page-toolbar">
        <Segmented<StatusTab>
          aria-label={t("status")}
          value={status}
          onChange={setStatus}
          options={[
            ...enumValues(registrationStatusLabels).map((s) => ({
              value: s,
              label: registrationStatusLabels[locale][s],
            })),
            { value: "ALL", label: t("allStatuses") },
          ]}
        />
        <span className="grow" />
        <ExportButton kind="EVENT_REGISTRATIONS" target={{ eventId: event.id }} />
      </div>
      <PagedTable<RegistrationRowFragment>
        paged={paged}
        locale={{ emptyText: t("noRegistrations") }}
        columns={[
          { title: t("trainee"), key: "trainee", fixed: "left", render: (_, r) => r.trainee.name },
          { title: t("enterprise"), key: "enterprise", render: (_, r) => r.trainee.enterprise?.name },
          { title: t("phone"), key: "phone", render: (_, r) => r.trainee.phone },
          {
            title: t("registeredAt"),
            dataIndex: "createdAt",
            render: (at: string) => formatDateTime(at, locale),
          },
          {
            title: t("status"),
            key: "status",
            render: (_, r) => (
              <>
                <RegistrationStatusTag status={r.status} />
                {r.waitlistPosition ? `#${r.waitlistPosition}` : null}
              </>
            ),
          },
          {
            title: t("checkedInAt"),
            dataIndex: "checkedInAt",
            render: (at: string | null) => (at ? formatTime(at, locale, { seconds: true }) : null),
          },
        ]}
      />
    </>
  );
}
