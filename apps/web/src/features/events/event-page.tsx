import { lazy, Suspense, useState, type ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Alert, Button } from "antd";
import { Link, useParams } from "react-router";
import { formatTimeRange, formatWindow } from "../../app/format";
import { NotFound } from "../../app/guards";
import { useLocale, useT } from "../../app/i18n";
import { PageError, PageLoading } from "../../app/page-state";
import { EventKindTag } from "./event-card";
import { eventQuery } from "./events.documents";
import { materialKindLabels, speakerRoleLabels } from "./events.labels";
import { eventMessages } from "./events.messages";
import { RegistrationPanel } from "./registration-panel";
import "./events.css";

const SurveyFormModal = lazy(() => import("./survey-form-modal").then((m) => ({ default: m.SurveyFormModal })));

/** One event (/events/:eventId): programme, materials, registration and the ticket, the survey afterwards. */
export function EventPage(): ReactNode {
  const t = useT(eventMessages);
  const locale = useLocale();
  const { eventId = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(eventQuery, { variables: { id: eventId } });
  const [surveying, setSurveying] = useState(false);
  const [thanked, setThanked] = useState(false);

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} onRetry={() => void refetch()} />;
  const event = data?.node?.__typename === "Event" ? data.node : null;
  if (!event) return <NotFound />;

  return (
    <article aria-labelledby="event-title">
      <p className="breadcrumb">
        <Link to="/events">{t("calendarTitle")}</Link>
      </p>
      <h1 id="event-title" className="page-title">
        {event.title}
      </h1>
      <p className="card-sub">
        <EventKindTag kind={event.kind} />
        {t("numbered", { number: event.number })}
      </p>
      {event.status === "CANCELLED" && (
        <Alert type="warning" showIcon title={t("cancelledBecause", { reason: event.cancelReason ?? "" })} />
      )}
      {thanked && <Alert type="success" showIcon role="status" title={t("surveyThanks")} className="form-errors" />}
      <RegistrationPanel event={event} />
      {event.surveyOpen && !event.myRegistration?.surveyResponse && (
        <section className="panel" aria-labelledby="survey-title" style={{ marginBottom: 16 }}>
          <h2 id="survey-title">{t("survey")}</h2>
          <Button type="primary" onClick={() => setSurveying(true)}>
            {t("survey")}
          </Button>
        </section>
      )}
      <section className="panel" aria-labelledby="about-title">
        <h2 id="about-title">{t("about")}</h2>
        <dl className="facts">
          <dt>{t("time")}</dt>
          <dd>{formatTimeRange(event.startsAt, event.endsAt, locale)}</dd>
          {event.venue && (
            <>
              <dt>{t("venue")}</dt>
              <dd>{event.venue}</dd>
            </>
          )}
          {event.onlineUrl && (
            <>
              <dt>{t("online")}</dt>
              <dd>
                <a href={event.onlineUrl} rel="noreferrer" target="_blank">
                  {event.onlineUrl}
                </a>
              </dd>
            </>
          )}
          <dt>{t("seats")}</dt>
          <dd>
            {t("seatsTaken", { taken: event.seatsTaken, capacity: event.capacity })}
            {event.waitlistLength > 0 && ` · ${t("waitlist", { count: event.waitlistLength })}`}
          </dd>
          {(event.registrationOpensAt || event.registrationClosesAt) && (
            <>
              <dt>{t("registrationWindow")}</dt>
              <dd>{formatWindow(event.registrationOpensAt, event.registrationClosesAt ?? event.startsAt, locale)}</dd>
            </>
          )}
        </dl>
        {event.summary && <p style={{ marginBottom: 0, whiteSpace: "pre-line" }}>{event.summary}</p>}
      </section>
      {event.speakers.length > 0 && (
        <section className="panel" aria-labelledby="programme-title">
          <h2 id="programme-title">{t("programme")}</h2>
          <ul className="plain-list speaker-list">
            {event.speakers.map(({ id, role, speaker }) => (
              <li key={id}>
                <strong>
                  {speakerRoleLabels[locale][role]} · {speaker.name}
                </strong>
                {(speaker.title || speaker.organization) && (
                  <span className="muted">{[speaker.organization, speaker.title].filter(Boolean).join(" ")}</span>
                )}
                {speaker.bio && <span>{speaker.bio}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {event.materials.length > 0 && (
        <section className="panel" aria-labelledby="materials-title">
          <h2 id="materials-title">{t("materials")}</h2>
          <ul className="plain-list">
            {event.materials.map((m) => (
              <li key={m.id}>
                <span className="muted">{materialKindLabels[locale][m.kind]}</span>{" "}
                <a href={m.url} rel="noreferrer" target="_blank">
                  {m.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {surveying && (
        <Suspense fallback={null}>
          <SurveyFormModal
            eventId={event.id}
            title={event.title}
            onClose={(submitted) => {
              setSurveying(false);
              setThanked(submitted);
            }}
          />
        </Suspense>
      )}
    </article>
  );
}
