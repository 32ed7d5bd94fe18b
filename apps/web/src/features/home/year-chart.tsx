import type { ReactNode } from "react";
import { BarLineChart } from "../../app/bar-line-chart";
import { useT } from "../../app/i18n";
import type { StatisticsQuery } from "../../gql/graphql";
import { homeMessages } from "./home.messages";

type Years = StatisticsQuery["statistics"]["byYear"];

/** Cohorts (bars) and trainee attendances (line) per year. */
export function YearChart({ years }: { years: Years }): ReactNode {
  const t = useT(homeMessages);
  return (
    <BarLineChart
      className="year-chart"
      caption={t("byYearTitle")}
      tableLabel={t("byYearTable")}
      groupName={t("year")}
      barName={t("cohorts")}
      lineName={t("traineeAttendances")}
      points={years.map((y) => ({
        key: String(y.year),
        label: String(y.year),
        bar: y.cohorts,
        line: y.traineeAttendances,
      }))}
    />
  );
}
