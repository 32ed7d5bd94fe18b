import type { ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { formatNumber } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { PageError } from "../../app/page-state";
import type { StatisticsQuery } from "../../gql/graphql";
import { statisticsQuery } from "./home.documents";
import { YearChart } from "./year-chart";
import { homeMessages } from "./home.messages";

type Figures = Omit<StatisticsQuery["statistics"], "__typename" | "byYear">;
type Figure = keyof Figures;

/** The counts of the public `statistics` query, in the order they are shown. */
const FIGURES: Figure[] = [
  "cohorts",
  "traineeAttendances",
  "uniqueTrainees",
  "salons",
  "lectures",
  "commendations",
  "partnerChambers",
];

export function StatisticsSection(): ReactNode {
  const t = useT(homeMessages);
  const locale = useLocale();
  const { data, loading, error, refetch } = useQuery(statisticsQuery);
  const statistics = data?.statistics;
  return (
    <section className="home-section" aria-labelledby="stats-title" aria-busy={loading}>
      <h2 id="stats-title">{t("statsTitle")}</h2>
      {error && !statistics && <PageError error={error} onRetry={() => void refetch()} />}
      <dl className="stats-grid">
        {FIGURES.map((figure) => (
          <div key={figure} className="stat">
            <dt>{t(figure)}</dt>
            <dd>
              {statistics ? (
                formatNumber(statistics[figure], locale)
              ) : (
                <span className="stat-empty" aria-label={loading ? t("statsLoading") : t("statsNoValue")}>
                  —
                </span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {statistics && statistics.byYear.length > 0 && <YearChart years={statistics.byYear} />}
    </section>
  );
}
