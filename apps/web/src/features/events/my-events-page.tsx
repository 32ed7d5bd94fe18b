import { lazy, Suspense, useState, type ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Alert, Button } from "antd";
import { Link } from "react-router";
import { ButtonLink } from "../../app/button-link";
import { formatDateTime, formatTimeRange } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { PageError, PageLoading } from "../../app/page-state";
import type { MyEventsQuery } from "../../gql/graphql";
import { EventKindTag } from "./event-card";
import { myEventsQuery } from "./events.documents";
import { eventMessages } from "./events.messages";
import { registrationText, Ticket } from "./registration-panel";
import { RegistrationStatusTag } from "./registration-status-tag";
import "./events.css";

const SurveyFormModal = lazy(() => import("./survey-form-modal").then((m) => ({ default: m.SurveyFormModal })));

type Registration = NonNullable<
  NonNullable<MyEventsQuery["me"]>["trainee"]
>["eventRegistrations"]["edges"][number]["node"];

/** The trainee's events (/me/events): upcoming first, each with its entry QR code; the survey after. */
export function MyEventsPage(): ReactNode {
  const t = useT(eventMessages);
  const { data, loading, error, refetch } = useQuery(myEventsQuery, { fetchPolicy: "cache-and-network" });
  const [surveyFor, setSurveyFor] = useState<Registration | null>(null);
  const [thanked, setThanked] = useState(false);

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} onRetry={() => void refetch()} />;
  const trainee = data?.me?.trainee;
  if (!trainee) return <p className="panel muted">{t("noRegistrations")}</p>;
  const now = Date.now();
  const registrations = trainee.eventRegistrations.edges.map((e) => e.node);
  const upcoming = registrations
    .filter((r) => Date.parse(r.event.endsAt) >= now)
    .sort((a, b) => a.event.startsAt.localeCompare(b.event.startsAt));
  const past = registrations
    .filter((r) => Date.parse(r.event.endsAt) < now)
    .sort((a, b) => b.event.startsAt.localeCompare(a.event.startsAt));

  return (
    <>
      <h1 className="page-title">{t("myEventsTitle")}</h1>
      <p className="muted">
        {t("myEventsIntro")} <Link to="/events">{t("findEvents")}</Link> ·{" "}
        <Link to="/me/calendar">{t("subscribeCalendar")}</Link>
      </p>
      {thanked && <Alert type="success" showIcon role="status" title={t("surveyThanks")} className="form-errors" />}
      {registrations.length === 0 ? (
        <div className="panel">
          <p>{t("noRegistrations")}</p>
          <ButtonLink type="primary" to="/events">
            {t("findEvents")}
          </ButtonLink>
        </div>
      ) : (
        <>
          {[
            { key: "upcoming", title: t("upcoming"), list: upcoming },
            { key: "past", title: t("past"), list: past },
          ]
            .filter((group) => group.list.length > 0)
            .map((group) => (
              <section key={group.key} aria-labelledby={`${group.key}-title`} style={{ marginBottom: 16 }}>
                <h2 id={`${group.key}-title`} style={{ fontSize: 18 }}>
                  {group.title}
                </h2>
                <ul className="card-list">
                  {group.list.map((registration) => (
                    <li key={registration.id}>
                      <RegistrationCard
                        registration={registration}
                        onSurvey={() => {
                          setThanked(false);
                          setSurveyFor(registration);
                        }}
                      />
                    </li>
                  ))}
                </ul>
              </section>
            ))}
        </>
      )}
      {surveyFor && (
        <Suspense fallback={null}>
          <SurveyFormModal
            eventId={surveyFor.event.id}
            title={surveyFor.event.title}
            onClose={(submitted) => {
              setSurveyFor(null);
              setThanked(submitted);
            }}
          />
        </Suspense>
      )}
    </>
  );
}

function RegistrationCard({ registration, onSurvey }: { registration: Registration; onSurvey: () => void }): ReactNode {
  const t = useT(eventMessages);
  const locale = useLocale();
  const [showTicket, setShowTicket] = useState(false);
  const { event } = registration;
  return (
    <article className="card" aria-labelledby={`registration-${registration.id}`}>
      <div className="card-head">
        <h3 id={`registration-${registration.id}`}>
          <Link to={`/events/${encodeURIComponent(event.id)}`}>{event.title}</Link>
        </h3>
        <RegistrationStatusTag status={registration.status} />
      </div>
      <p className="card-sub">
        <EventKindTag kind={event.kind} /> {formatTimeRange(event.startsAt, event.endsAt, locale)}
        {event.venue ? ` · ${event.venue}` : ""}
      </p>
      <p>{registrationText(registration, t)}</p>
      {registration.checkedInAt && (
        <p>{t("checkedInAt", { time: formatDateTime(registration.checkedInAt, locale) })}</p>
      )}
      {registration.surveyResponse && (
        <p className="muted">{t("surveyDone", { rating: registration.surveyResponse.rating })}</p>
      )}
      <div className="card-actions">
        {registration.ticketCode && !registration.checkedInAt && (
          <Button type="primary" aria-expanded={showTicket} onClick={() => setShowTicket(!showTicket)}>
            {showTicket ? t("hideTicket") : t("showTicket")}
          </Button>
        )}
        {event.surveyOpen && !registration.surveyResponse && <Button onClick={onSurvey}>{t("survey")}</Button>}
      </div>
      {showTicket && registration.ticketCode && <Ticket code={registration.ticketCode} />}
    </article>
  );
}
