import type { ReactNode } from "react";
import EChartsReactCore from "echarts-for-react/esm/core";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { formatNumber } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import type { StatisticsQuery } from "../../gql/graphql";
import { homeMessages } from "./home.messages";

// Only the parts this chart draws: the whole of ECharts would weigh several times more.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const RED = "#a8071a";
const GOLD = "#ad6800";

/** Cohorts (bars) and trainee attendances (line) per year, with the same figures as a table for screen readers. */
export function YearChart({ years }: { years: StatisticsQuery["statistics"]["byYear"] }): ReactNode {
  const t = useT(homeMessages);
  const locale = useLocale();
  const option = {
    color: [RED, GOLD],
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: years.map((y) => String(y.year)) },
    yAxis: [
      { type: "value", name: t("cohorts"), minInterval: 1, nameTextStyle: { align: "left" } },
      { type: "value", name: t("traineeAttendances"), splitLine: { show: false }, nameTextStyle: { align: "right" } },
    ],
    series: [
      { name: t("cohorts"), type: "bar", data: years.map((y) => y.cohorts), barMaxWidth: 28 },
      {
        name: t("traineeAttendances"),
        type: "line",
        yAxisIndex: 1,
        data: years.map((y) => y.traineeAttendances),
      },
    ],
  };
  return (
    <figure className="year-figure">
      <figcaption>{t("byYearTitle")}</figcaption>
      <div aria-hidden="true">
        <EChartsReactCore
          echarts={echarts}
          option={option}
          notMerge
          className="year-chart"
          opts={{ renderer: "svg" }}
        />
      </div>
      <details className="year-table">
        <summary>{t("byYearTable")}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("year")}</th>
              <th scope="col">{t("cohorts")}</th>
              <th scope="col">{t("traineeAttendances")}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <td>{formatNumber(y.cohorts, locale)}</td>
                <td>{formatNumber(y.traineeAttendances, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
