import type { DatabaseKind } from "./bench-database";
import type { LoadResult } from "./load-runner";
import type { OperationId } from "./operations";

/** One measured row: an operation on one server, at one scale, on one database. */
export interface Measurement extends LoadResult {
  db: DatabaseKind;
  scale: number;
  op: OperationId;
  /** The built API; the hand-written baseline; the Fastify variant; the API without API_NODE_FLAGS. */
  server: "api" | "baseline" | "fastify" | "api-v8-defaults";
  title: string;
  /** The request body as sent (Q2 and Q3 are composed from the schema). */
  body: string;
  levels: number | null;
  peakRssMiB: number;
  /** Server CPU time per answered request (all threads): steadier than req/s on a shared machine. */
  cpuMsPerRequest: number;
}

export interface SkippedRow {
  db: DatabaseKind;
  scale: number;
  op: OperationId;
  title: string;
  skipped: string;
}

export interface ImportFigure {
  db: DatabaseKind;
  scale: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** Milliseconds from spawning the built API to its first ready answer, on this data. */
  readyMs: number;
}

export interface Target {
  name: string;
  goal: string;
  measured: string;
  met: boolean | null;
}

const fmt = (n: number | null, digits = 0) => (n === null || Number.isNaN(n) ? "–" : n.toFixed(digits));
const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);

export function table(measurements: Measurement[], skipped: SkippedRow[]): string {
  const head = [
    "db",
    "scale",
    "op",
    "server",
    "req/s",
    "p50 ms",
    "p99 ms",
    "CPU ms/req",
    "SQL/req",
    "levels",
    "peak MiB",
    "failed",
  ];
  const widths = [7, 6, 4, 15, 9, 8, 8, 10, 8, 7, 9, 7];
  const line = (cells: string[]) => cells.map((c, i) => (i < 4 ? pad(c, widths[i]) : lpad(c, widths[i]))).join(" ");
  const rows = measurements.map((m) =>
    line([
      m.db,
      `${m.scale}x`,
      m.op,
      m.server,
      fmt(m.rps, 1),
      fmt(m.p50, 1),
      fmt(m.p99, 1),
      fmt(m.cpuMsPerRequest, 1),
      fmt(m.statements, 1),
      m.levels === null ? "–" : String(m.levels),
      fmt(m.peakRssMiB),
      String(m.failures),
    ]),
  );
  const skips = skipped.map(
    (s) => `${pad(s.db, widths[0])} ${pad(`${s.scale}x`, widths[1])} ${pad(s.op, 4)} ${s.skipped}`,
  );
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows, ...skips].join("\n");
}

function find(ms: Measurement[], db: DatabaseKind, scale: number, op: OperationId, server: Measurement["server"]) {
  return ms.find((m) => m.db === db && m.scale === scale && m.op === op && m.server === server);
}

/** The issue's targets, each met or not on what this run measured (null: not measured in this run). */
export function targets(ms: Measurement[], imports: ImportFigure[]): Target[] {
  const out: Target[] = [];
  const api = ms.filter((m) => m.server === "api" && m.levels !== null);
  const over = api.filter((m) => (m.statementsMax ?? Infinity) > m.levels!);
  out.push({
    name: "statements per request ≤ relation levels",
    goal: "every read, every scale, both databases (Q1: 5 counting the root)",
    measured: api.length
      ? [...new Set(api.map((m) => `${m.op} ${fmt(m.statementsMax)}/${m.levels}`))].join(", ")
      : "not measured",
    met: api.length ? over.length === 0 : null,
  });

  const ratios = ms
    .filter((m) => m.op === "Q1" && m.server === "api")
    .map((m) => ({ m, base: find(ms, m.db, m.scale, "Q1", "baseline") }))
    .filter((r) => r.base);
  out.push({
    name: "Q1 throughput ≥ 0.7 × baseline",
    goal: "our req/s ÷ hand-written graphql-js + DataLoader + raw SQL",
    measured: ratios.length
      ? ratios
          .map(
            ({ m, base }) =>
              `${m.db} ${m.scale}x ${fmt(m.rps / base!.rps, 2)} (CPU per request ${fmt(base!.cpuMsPerRequest / m.cpuMsPerRequest, 2)})`,
          )
          .join(", ")
      : "not measured",
    met: ratios.length ? ratios.every(({ m, base }) => m.rps >= 0.7 * base!.rps) : null,
  });

  const growth = [...new Set(ms.map((m) => m.db))].flatMap((db) => {
    const small = find(ms, db, 1, "Q1", "api");
    const large = find(ms, db, 100, "Q1", "api");
    return small && large
      ? [{ db, ratio: large.p50 / small.p50, cpu: large.cpuMsPerRequest / small.cpuMsPerRequest }]
      : [];
  });
  out.push({
    name: "Q1 p50 at 100x ≤ 1.3 × p50 at 1x",
    goal: "indexes: no scan that grows with the data",
    measured: growth.length
      ? growth.map((g) => `${g.db} ${fmt(g.ratio, 2)} (CPU per request ${fmt(g.cpu, 2)})`).join(", ")
      : "needs scales 1 and 100",
    met: growth.length ? growth.every((g) => g.ratio <= 1.3) : null,
  });

  const mariadb = imports.filter((i) => i.db === "mysql");
  const largest = mariadb.reduce<ImportFigure | null>((a, b) => (!a || b.scale > a.scale ? b : a), null);
  out.push({
    name: "demo import ≥ 20,000 rows/s on MariaDB",
    goal: "at the largest scale of the run",
    measured: largest ? `${fmt(largest.rowsPerSecond)} rows/s at ${largest.scale}x` : "MariaDB not in this run",
    met: largest ? largest.rowsPerSecond >= 20_000 : null,
  });

  const slowest = imports.reduce<ImportFigure | null>((a, b) => (!a || b.readyMs > a.readyMs ? b : a), null);
  out.push({
    name: "start to ready ≤ 3 s after the build",
    goal: "spawn of node apps/api/dist/main.js to the first 200 of /readyz",
    measured: slowest ? `slowest ${fmt(slowest.readyMs)} ms (${slowest.db} ${slowest.scale}x)` : "not measured",
    met: slowest ? slowest.readyMs <= 3000 : null,
  });
  return out;
}

export function targetLines(list: Target[]): string {
  return list
    .map((t) => `${t.met === null ? "–      " : t.met ? "met    " : "NOT MET"}  ${t.name}: ${t.measured}`)
    .join("\n");
}
