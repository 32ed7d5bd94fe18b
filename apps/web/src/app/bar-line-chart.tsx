import type { ReactNode } from "react";
import { formatNumber } from "./format";
import { useLocale } from "./i18n";

const RED = "#a8071a";
const GOLD = "#ad6800";
const WIDTH = 640;
const HEIGHT = 300;
const PAD = { left: 44, right: 56, top: 40, bottom: 28 };

/** One group of the chart: a bar on the left axis and, where there is one, a point of the line on the right. */
export interface ChartPoint {
  key: string;
  label: string;
  bar: number;
  line: number | null;
}

/** A round upper bound and its four steps, so the axis reads 0, 5, 10, 15, 20 rather than 0, 4.6, … */
function scale(max: number): number[] {
  const raw = Math.max(1, max) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  return [0, 1, 2, 3, 4].map((i) => Math.round(i * step * 100) / 100);
}

/**
 * Bars (left axis) and a line (right axis) per group, drawn as plain SVG: a few kilobytes where a
 * chart library weighed 190 KB gzipped. The same figures are a table below, for screen readers.
 */
export function BarLineChart({
  caption,
  points,
  barName,
  lineName,
  groupName,
  tableLabel,
  lineMax,
  formatLine,
  className,
}: {
  caption: string;
  points: ChartPoint[];
  barName: string;
  lineName: string;
  /** The table's first column: 年度, 月份, 类别 … */
  groupName: string;
  tableLabel: string;
  /** A fixed top of the right axis (1 for rates); from the data when absent. */
  lineMax?: number;
  formatLine?: (value: number) => string;
  className?: string;
}): ReactNode {
  const locale = useLocale();
  const lineText = formatLine ?? ((v: number) => formatNumber(v, locale));
  const left = scale(Math.max(...points.map((p) => p.bar)));
  const right = lineMax
    ? [0, 1, 2, 3, 4].map((i) => (i * lineMax) / 4)
    : scale(Math.max(...points.map((p) => p.line ?? 0)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, points.length);
  const x = (i: number) => PAD.left + slot * (i + 0.5);
  const yLeft = (v: number) => PAD.top + plotH - (v / left[4]) * plotH;
  const yRight = (v: number) => PAD.top + plotH - (v / right[4]) * plotH;
  const barW = Math.min(28, slot * 0.6);
  const dots = points.flatMap((p, i) => (p.line === null ? [] : [{ p, i, y: yRight(p.line) }]));
  // Labels thin out when groups crowd (36 months): every n-th one is written.
  const every = Math.ceil(points.length / 12);
  return (
    <figure className="chart-figure">
      <figcaption>{caption}</figcaption>
      <svg
        className={`chart-svg${className ? ` ${className}` : ""}`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        preserveAspectRatio="xMidYMid meet"
        aria-hidden="true"
        fontSize={12}
      >
        <g transform={`translate(${PAD.left}, 12)`}>
          <rect width={14} height={10} y={-9} fill={RED} />
          <text x={20}>{barName}</text>
          <line x1={150} x2={170} y1={-4} y2={-4} stroke={GOLD} strokeWidth={2} />
          <text x={176}>{lineName}</text>
        </g>
        {left.map((v, i) => (
          <g key={i}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={yLeft(v)} y2={yLeft(v)} stroke="#eee" />
            <text x={PAD.left - 6} y={yLeft(v) + 4} textAnchor="end" fill="#595959">
              {formatNumber(v, locale)}
            </text>
            <text x={WIDTH - PAD.right + 6} y={yLeft(v) + 4} fill="#595959">
              {lineText(right[i])}
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <g key={p.key}>
            <rect x={x(i) - barW / 2} y={yLeft(p.bar)} width={barW} height={yLeft(0) - yLeft(p.bar)} fill={RED}>
              <title>{`${p.label} ${barName} ${formatNumber(p.bar, locale)}`}</title>
            </rect>
            {i % every === 0 && (
              <text x={x(i)} y={HEIGHT - 8} textAnchor="middle" fill="#595959">
                {p.label}
              </text>
            )}
          </g>
        ))}
        <polyline points={dots.map((d) => `${x(d.i)},${d.y}`).join(" ")} fill="none" stroke={GOLD} strokeWidth={2} />
        {dots.map(({ p, i, y }) => (
          <circle key={p.key} cx={x(i)} cy={y} r={3.5} fill="#fff" stroke={GOLD}>
            <title>{`${p.label} ${lineName} ${lineText(p.line!)}`}</title>
          </circle>
        ))}
      </svg>
      <details className="chart-table">
        <summary>{tableLabel}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{groupName}</th>
              <th scope="col">{barName}</th>
              <th scope="col">{lineName}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.key}>
                <th scope="row">{p.label}</th>
                <td>{formatNumber(p.bar, locale)}</td>
                <td>{p.line === null ? "—" : lineText(p.line)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
