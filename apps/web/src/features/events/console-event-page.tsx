import { useState, type ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Button, Descriptions, Popconfirm, Tag } from "antd";
import { EditOutlined } from "@ant-design/icons";
import { useParams } from "react-router";
import { ButtonLink } from "../../app/button-link";
import { formatTimeRange, formatWindow } from "../../app/format";
import { lazyDialog, useDialog } from "../../app/dialog";
import { NotFound } from "../../app/guards";
import { useLocale, useT } from "../../app/i18n";
import { useMutationAction } from "../../app/mutation-action";
import { lazyComponent } from "../../app/lazy";
import { PageError, PageLoading } from "../../app/page-state";
import { Tabs } from "../../app/tabs";
import { EventRegistrations } from "./event-registrations";
import { changeEventStatusMutation, consoleEventQuery } from "./events-console.documents";
import { eventConsoleMessages } from "./events-console.messages";
import { eventKindLabels, eventStatusLabels } from "./events.labels";
import "./events.css";

// Tabs after the first load when opened.
const EventProgramme = lazyComponent(() => import("./event-programme"), "EventProgramme", <PageLoading />);
const EventMaterials = lazyComponent(() => import("./event-materials"), "EventMaterials", <PageLoading />);
const CancelEventModal = lazyDialog(() => import("./cancel-event-modal"), "CancelEventModal");

const EventFormModal = lazyDialog(() => import("./event-form-modal"), "EventFormModal");

/** Staff console: one event (/console/events/:eventId): publish or cancel, registrations and the door, programme, materials, survey. */
export function ConsoleEventPage(): ReactNode {
  const t = useT(eventConsoleMessages);
  const locale = useLocale();
  const { eventId = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(consoleEventQuery, { variables: { id: eventId } });
  const editor = useDialog<true>();
  const canceller = useDialog<true>();
  const run = useMutationAction();
  const [change] = useMutation(changeEventStatusMutation);
  const [tab, setTab] = useState("registrations");

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} onRetry={() => void refetch()} />;
  const event = data?.node?.__typename === "Event" ? data.node : null;
  if (!event) return <NotFound />;
  const survey = event.surveySummary;

  return (
    <>
      <p className="breadcrumb">
        <ButtonLink type="link" to="/console/events" style={{ padding: 0 }}>
          {t("backToEvents")}
        </ButtonLink>
      </p>
      <div className="page-toolbar">
        <h1 className="page-title" style={{ margin: 0 }}>
          {event.title}
        </h1>
        <Tag>{eventStatusLabels[locale][event.status]}</Tag>
        <span className="grow" />
        {event.status !== "CANCELLED" && (
          <Button icon={<EditOutlined />} onClick={() => editor.show(true)}>
            {t("edit")}
          </Button>
        )}
        {event.status === "DRAFT" && (
          <Popconfirm
            title={t("publish")}
            description={t("publishConfirm")}
            okText={t("confirm")}
            cancelText={t("keep")}
            onConfirm={() =>
              run(
                async () =>
                  (await change({ variables: { input: { eventId: event.id, status: "PUBLISHED" } } })).data
                    ?.changeEventStatus.userErrors,
                t("published"),
              )
            }
          >
            <Button type="primary">{t("publish")}</Button>
          </Popconfirm>
        )}
        {event.status !== "CANCELLED" && (
          <Button danger onClick={() => canceller.show(true)}>
            {t("cancelEvent")}
          </Button>
        )}
      </div>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: "kind",
            label: t("kind"),
            children: `${eventKindLabels[locale][event.kind]} ${t("numbered", { number: event.number })}`,
          },
          { key: "time", label: t("time"), children: formatTimeRange(event.startsAt, event.endsAt, locale) },
          { key: "venue", label: t("venue"), children: event.venue ?? event.onlineUrl ?? "—" },
          { key: "seats", label: t("seats"), children: `${event.seatsTaken} / ${event.capacity}` },
          { key: "waitlist", label: t("waitlist"), children: event.waitlistLength },
          {
            key: "window",
            label: `${t("registrationOpensAt")} – ${t("registrationClosesAt")}`,
            children: formatWindow(event.registrationOpensAt, event.registrationClosesAt ?? event.startsAt, locale),
          },
        ]}
      />
      {event.cancelReason && <p className="revoked">{event.cancelReason}</p>}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        style={{ marginTop: 16 }}
        items={[
          {
            key: "registrations",
            label: t("registrationsTab", { count: event.seatsTaken }),
            children: <EventRegistrations event={event} />,
          },
          { key: "programme", label: t("programmeTab"), children: <EventProgramme event={event} /> },
          { key: "materials", label: t("materialsTab"), children: <EventMaterials event={event} /> },
          {
            key: "survey",
            label: t("surveyTab"),
            children:
              survey.count === 0 ? (
                <p className="muted">{t("noSurvey")}</p>
              ) : (
                <div>
                  <p>
                    {t("averageRating")}: <strong>{survey.averageRating?.toFixed(2)}</strong> / 5 ·{" "}
                    {t("surveyCount", { count: survey.count })}
                  </p>
                  <ul className="plain-list" style={{ maxWidth: 360 }}>
                    {survey.ratingCounts.map((count, i) => (
                      <li key={i}>
                        {t("stars", { stars: i + 1 })}: {count}
                      </li>
                    ))}
                  </ul>
                </div>
              ),
          },
        ]}
      />
      {editor.value && <EventFormModal dialog={editor.props} event={event} />}
      {canceller.value && <CancelEventModal dialog={canceller.props} event={event} />}
    </>
  );
}
