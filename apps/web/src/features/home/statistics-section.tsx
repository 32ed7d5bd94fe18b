import type { ReactNode } from "react";
import { useT } from "../../app/i18n";
import { homeMessages } from "./home.messages";

/**
 * The counts of the public `statistics` query (DESIGN.md), in the order they are shown. The
 * query is not in schema.graphql yet; until it is, the section shows the labels and no numbers.
 */
export const FIGURES = [
  "cohorts",
  "traineeAttendances",
  "uniqueTrainees",
  "salons",
  "lectures",
  "commendations",
  "partnerChambers",
] as const;

export type Figure = (typeof FIGURES)[number];

const numberFormat = new Intl.NumberFormat("zh-CN");

/** `figures`: what the API returned, or undefined while there is nothing to show. */
export function StatisticsSection({ figures }: { figures?: Partial<Record<Figure, number>> }): ReactNode {
  const t = useT(homeMessages);
  return (
    <section className="home-section" aria-labelledby="stats-title">
      <h2 id="stats-title">{t("statsTitle")}</h2>
      {!figures && <p className="muted">{t("statsPending")}</p>}
      <dl className="stats-grid">
        {FIGURES.map((figure) => {
          const value = figures?.[figure];
          return (
            <div key={figure} className="stat">
              <dt>{t(figure)}</dt>
              <dd>
                {value === undefined ? (
                  <span className="stat-empty" aria-label={t("statsNoValue")}>
                    —
                  </span>
                ) : (
                  numberFormat.format(value)
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
