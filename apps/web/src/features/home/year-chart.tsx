import type { ReactNode } from "react";
import { formatNumber } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import type { StatisticsQuery } from "../../gql/graphql";
import { homeMessages } from "./home.messages";

type Years = StatisticsQuery["statistics"]["byYear"];

const RED = "#a8071a";
const GOLD = "#ad6800";
const WIDTH = 640;
const HEIGHT = 300;
const PAD = { left: 44, right: 56, top: 40, bottom: 28 };

/** A round upper bound and its four steps, so the axis reads 0, 5, 10, 15, 20 rather than 0, 4.6, … */
function scale(max: number): number[] {
  const raw = Math.max(1, max) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  return [0, 1, 2, 3, 4].map((i) => Math.round(i * step * 100) / 100);
}

/**
 * Cohorts (bars, left axis) and trainee attendances (line, right axis) per year, drawn as plain SVG:
 * a few kilobytes where a chart library weighed 190 KB gzipped. The same figures are a table below.
 */
export function YearChart({ years }: { years: Years }): ReactNode {
  const t = useT(homeMessages);
  const locale = useLocale();
  const left = scale(Math.max(...years.map((y) => y.cohorts)));
  const right = scale(Math.max(...years.map((y) => y.traineeAttendances)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / years.length;
  const x = (i: number) => PAD.left + slot * (i + 0.5);
  const yLeft = (v: number) => PAD.top + plotH - (v / left[4]) * plotH;
  const yRight = (v: number) => PAD.top + plotH - (v / right[4]) * plotH;
  const barW = Math.min(28, slot * 0.6);
  const line = years.map((y, i) => `${x(i)},${yRight(y.traineeAttendances)}`).join(" ");
  return (
    <figure className="year-figure">
      <figcaption>{t("byYearTitle")}</figcaption>
      <svg
        className="year-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        preserveAspectRatio="xMidYMid meet"
        aria-hidden="true"
        fontSize={12}
      >
        <g transform={`translate(${PAD.left}, 12)`}>
          <rect width={14} height={10} y={-9} fill={RED} />
          <text x={20}>{t("cohorts")}</text>
          <line x1={110} x2={130} y1={-4} y2={-4} stroke={GOLD} strokeWidth={2} />
          <text x={136}>{t("traineeAttendances")}</text>
        </g>
        {left.map((v, i) => (
          <g key={i}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={yLeft(v)} y2={yLeft(v)} stroke="#eee" />
            <text x={PAD.left - 6} y={yLeft(v) + 4} textAnchor="end" fill="#595959">
              {formatNumber(v, locale)}
            </text>
            <text x={WIDTH - PAD.right + 6} y={yLeft(v) + 4} fill="#595959">
              {formatNumber(right[i], locale)}
            </text>
          </g>
        ))}
        {years.map((y, i) => (
          <g key={y.year}>
            <rect x={x(i) - barW / 2} y={yLeft(y.cohorts)} width={barW} height={yLeft(0) - yLeft(y.cohorts)} fill={RED}>
              <title>{`${y.year} ${t("cohorts")} ${formatNumber(y.cohorts, locale)}`}</title>
            </rect>
            <text x={x(i)} y={HEIGHT - 8} textAnchor="middle" fill="#595959">
              {y.year}
            </text>
          </g>
        ))}
        <polyline points={line} fill="none" stroke={GOLD} strokeWidth={2} />
        {years.map((y, i) => (
          <circle key={y.year} cx={x(i)} cy={yRight(y.traineeAttendances)} r={3.5} fill="#fff" stroke={GOLD}>
            <title>{`${y.year} ${t("traineeAttendances")} ${formatNumber(y.traineeAttendances, locale)}`}</title>
          </circle>
        ))}
      </svg>
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
