import type { ReactNode } from "react";
import { Link } from "react-router";
import { admissionLabels } from "../../app/enum-labels";
import { formatDays } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import type { CohortCardFragment } from "../../gql/graphql";
import { CohortStatusTag } from "./status-tags";
import { trainingMessages } from "./training.messages";

/** One cohort in the schedule: what, when, where, and whether a seat is to be had. */
export function CohortCard({ cohort }: { cohort: CohortCardFragment }): ReactNode {
  const t = useT(trainingMessages);
  const locale = useLocale();
  const free = Math.max(0, cohort.capacity - cohort.seatsTaken);
  return (
    <article className="card" aria-labelledby={`cohort-${cohort.id}`}>
      <div className="card-head">
        <h3 id={`cohort-${cohort.id}`}>
          <Link to={`/cohorts/${encodeURIComponent(cohort.id)}`}>{cohort.title}</Link>
        </h3>
        <CohortStatusTag status={cohort.status} />
      </div>
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
          {cohort.openForEnrollment && (
            <strong className="seat-note">{free > 0 ? t("seatsFree", { free }) : t("seatsFull")}</strong>
          )}
        </dd>
        <dt>{t("admission")}</dt>
        <dd>{admissionLabels[locale][cohort.admission]}</dd>
      </dl>
    </article>
  );
}
