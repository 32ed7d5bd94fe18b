import type { ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Link, useParams } from "react-router";
import { admissionLabels } from "../../app/enum-labels";
import { formatDays, formatTimeRange, formatWindow } from "../../app/format";
import { NotFound } from "../../app/guards";
import { useLocale, useT } from "../../app/i18n";
import { PageError, PageLoading } from "../../app/page-state";
import { EnrollPanel } from "./enroll-panel";
import { CohortStatusTag } from "./status-tags";
import { cohortQuery } from "./training.documents";
import { trainingMessages } from "./training.messages";
import "./training.css";

/** One cohort (/cohorts/:cohortId): its facts, its class days, and enrollment for a trainee. */
export function CohortPage(): ReactNode {
  const t = useT(trainingMessages);
  const locale = useLocale();
  const { cohortId = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(cohortQuery, { variables: { id: cohortId } });

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} onRetry={() => void refetch()} />;
  const cohort = data?.node?.__typename === "Cohort" ? data.node : null;
  if (!cohort) return <NotFound />;

  return (
    <article className="cohort-page" aria-labelledby="cohort-title">
      <p className="breadcrumb">
        <Link to="/cohorts">{t("scheduleTitle")}</Link>
      </p>
      <div className="card-head">
        <h1 id="cohort-title" className="page-title">
          {cohort.title}
        </h1>
        <CohortStatusTag status={cohort.status} />
      </div>
      <EnrollPanel cohort={cohort} />
      <section className="panel" aria-labelledby="facts-title">
        <h2 id="facts-title">{t("aboutCohort")}</h2>
        <dl className="facts">
          <dt>{t("dates")}</dt>
          <dd>{formatDays(cohort.startsOn, cohort.endsOn, locale)}</dd>
          {cohort.venue && (
            <>
              <dt>{t("venue")}</dt>
              <dd>{cohort.venue}</dd>
            </>
          )}
          <dt>{t("seats")}</dt>
          <dd>
            {t("seatsTaken", { taken: cohort.seatsTaken, capacity: cohort.capacity })}
            {cohort.waitlistLength > 0 && ` · ${t("waitlistLength", { count: cohort.waitlistLength })}`}
          </dd>
          <dt>{t("admission")}</dt>
          <dd>{admissionLabels[locale][cohort.admission]}</dd>
          {(cohort.enrollmentOpensAt || cohort.enrollmentClosesAt) && (
            <>
              <dt>{t("enrollmentWindow")}</dt>
              <dd>{formatWindow(cohort.enrollmentOpensAt, cohort.enrollmentClosesAt, locale)}</dd>
            </>
          )}
          <dt>{t("completion")}</dt>
          <dd>{t("completionRule", { threshold: cohort.completionThreshold })}</dd>
        </dl>
        {cohort.course.summary && <p style={{ marginBottom: 0 }}>{cohort.course.summary}</p>}
      </section>
      <section className="panel" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t("sessionsTitle")}</h2>
        {cohort.sessions.length === 0 ? (
          <p className="muted">{t("noSessions")}</p>
        ) : (
          <ol className="session-list">
            {cohort.sessions.map((session) => (
              <li key={session.id}>
                <strong>{session.topic}</strong>
                <span className="muted">{formatTimeRange(session.startsAt, session.endsAt, locale)}</span>
                {(session.lecturer || session.venue) && (
                  <span className="muted">{[session.lecturer, session.venue].filter(Boolean).join(" · ")}</span>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
