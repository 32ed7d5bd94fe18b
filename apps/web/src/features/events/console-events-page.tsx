import { useState, type ReactNode } from "react";
import { Button, Select, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useNavigate } from "react-router";
import { ButtonLink } from "../../app/button-link";
import { formatTimeRange } from "../../app/format";
import { enumValues } from "../../app/enum-labels";
import { lazyDialog, useDialog } from "../../app/dialog";
import { useLocale, useT } from "../../app/i18n";
import { filterOf, PagedTable, usePagedQuery } from "../../app/paged-table";
import type { EventFieldsFragment, EventKind, EventStatus } from "../../gql/graphql";
import { consoleEventsQuery } from "./events-console.documents";
import { eventConsoleMessages } from "./events-console.messages";
import { eventKindLabels, eventStatusLabels } from "./events.labels";

const EventFormModal = lazyDialog(() => import("./event-form-modal"), "EventFormModal");

const STATUS_COLORS: Record<EventStatus, string> = { DRAFT: "default", PUBLISHED: "green", CANCELLED: "red" };

/** Staff console: salons, lectures and study activities, newest first, drafts included. */
export function ConsoleEventsPage(): ReactNode {
  const t = useT(eventConsoleMessages);
  const locale = useLocale();
  const navigate = useNavigate();
  const [kind, setKind] = useState<EventKind | null>(null);
  const [status, setStatus] = useState<EventStatus | null>(null);
  const creator = useDialog<true>();
  const paged = usePagedQuery(consoleEventsQuery, {
    variables: { filter: filterOf({ kind, status }) },
    select: (data) => data.events,
  });

  return (
    <>
      <h1 className="page-title">{t("eventsTitle")}</h1>
      <div className="page-toolbar">
        <Select<EventKind>
          aria-label={t("kind")}
          placeholder={t("anyKind")}
          allowClear
          value={kind ?? undefined}
          onChange={(value) => setKind(value ?? null)}
          options={enumValues(eventKindLabels).map((k) => ({ value: k, label: eventKindLabels[locale][k] }))}
          style={{ minWidth: 140 }}
        />
        <Select<EventStatus>
          aria-label={t("status")}
          placeholder={t("anyStatus")}
          allowClear
          value={status ?? undefined}
          onChange={(value) => setStatus(value ?? null)}
          options={enumValues(eventStatusLabels).map((s) => ({ value: s, label: eventStatusLabels[locale][s] }))}
          style={{ minWidth: 120 }}
        />
        <span className="grow" />
        <ButtonLink to="/console/speakers">{t("speakersTitle")}</ButtonLink>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => creator.show(true)}>
          {t("createEvent")}
        </Button>
      </div>
      <PagedTable<EventFieldsFragment>
        paged={paged}
        columns={[
          {
            title: t("title"),
            dataIndex: "title",
            fixed: "left",
            render: (title: string, event) => (
              <ButtonLink type="link" to={`/console/events/${encodeURIComponent(event.id)}`} style={{ padding: 0 }}>
                {title}
              </ButtonLink>
            ),
          },
          {
            title: t("kind"),
            key: "kind",
            render: (_, e) => `${eventKindLabels[locale][e.kind]} ${t("numbered", { number: e.number })}`,
          },
          {
            title: t("time"),
            key: "time",
            render: (_, e) => formatTimeRange(e.startsAt, e.endsAt, locale),
          },
          { title: t("venue"), dataIndex: "venue" },
          {
            title: t("status"),
            dataIndex: "status",
            render: (s: EventStatus) => <Tag color={STATUS_COLORS[s]}>{eventStatusLabels[locale][s]}</Tag>,
          },
          { title: t("seats"), key: "seats", render: (_, e) => `${e.seatsTaken} / ${e.capacity}` },
          { title: t("waitlist"), dataIndex: "waitlistLength" },
          {
            title: t("actions"),
            key: "actions",
            fixed: "right",
            render: (_, e) => (
              <ButtonLink type="link" to={`/console/events/${encodeURIComponent(e.id)}`}>
                {t("open")}
              </ButtonLink>
            ),
          },
        ]}
      />
      {creator.value && (
        <EventFormModal
          dialog={creator.props}
          event={null}
          onSaved={(event) => navigate(`/console/events/${encodeURIComponent(event.id)}`)}
        />
      )}
    </>
  );
}
