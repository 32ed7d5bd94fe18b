import type { DatabaseKind } from "./bench-database";
import type { LoadResult } from "./load-runner";
import type { OperationId } from "./operations";

/** One measured row: an operation on one server, at one scale, on one database. */
export interface Measurement extends LoadResult {
  db: DatabaseKind;
  scale: number;
  op: OperationId;
  /** The built API; the hand-written baseline; the Fastify variant; the API without API_NODE_FLAGS. */
  server: "api" | "baseline" | "fastify" | "api-v8-defaults" | "api-graphql-js";
  title: string;
  /** The request body as sent (Q2 and Q3 are composed from the schema). */
  body: string;
  levels: number | null;
  peakRssMiB: number;
  /** Server CPU time per answered request (all threads): steadier than req/s on a shared machine. */
  cpuMsPerRequest: number;
  /**
   * The database server's own CPU per answered request (MariaDB: the mariadbd process over the same
   * run; every client of it counts). Null for SQLite, whose work is inside the server process.
   */
  dbCpuMsPerRequest: number | null;
  /** The interleaved round (1, 2, …) for Q1 beside the baseline; null for a single run. */
  round: number | null;
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
    "DB CPU ms",
    "SQL/req",
    "levels",
    "peak MiB",
    "failed",
  ];
  const widths = [7, 6, 4, 19, 9, 8, 8, 10, 9, 8, 7, 9, 7];
  const line = (cells: string[]) => cells.map((c, i) => (i < 4 ? pad(c, widths[i]) : lpad(c, widths[i]))).join(" ");
  const rows = measurements.map((m) =>
    line([
      m.db,
      `${m.scale}x`,
      m.op,
      m.round === null ? m.server : `${m.server} #${m.round}`,
      fmt(m.rps, 1),
      fmt(m.p50, 1),
      fmt(m.p99, 1),
      fmt(m.cpuMsPerRequest, 1),
      fmt(m.dbCpuMsPerRequest, 1),
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

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median, lowest and highest of a figure over rows (rows without it left out). */
interface Spread {
  median: number;
  min: number;
  max: number;
}

function spread(values: (number | null)[]): Spread | null {
  const known = values.filter((v): v is number => v !== null && !Number.isNaN(v));
  return known.length ? { median: median(known), min: Math.min(...known), max: Math.max(...known) } : null;
}

/** One server's Q1 (or any op's) figures at one db and scale: the median over its rounds (one row: that row). */
export interface Summary {
  db: DatabaseKind;
  scale: number;
  op: OperationId;
  server: Measurement["server"];
  rounds: number;
  rps: Spread;
  p50: Spread;
  cpuMsPerRequest: Spread;
  dbCpuMsPerRequest: Spread | null;
  /** This server's req/s ÷ the baseline's, round by round (round i against round i); null for the baseline. */
  ratio: Spread | null;
  /** The baseline's CPU per request ÷ this server's (node and database together), round by round. */
  cpuRatio: Spread | null;
}

function rowsOf(ms: Measurement[], db: DatabaseKind, scale: number, op: OperationId, server: Measurement["server"]) {
  return ms.filter((m) => m.db === db && m.scale === scale && m.op === op && m.server === server);
}

const totalCpu = (m: Measurement) => m.cpuMsPerRequest + (m.dbCpuMsPerRequest ?? 0);

export function summarize(
  ms: Measurement[],
  db: DatabaseKind,
  scale: number,
  op: OperationId,
  server: Measurement["server"],
): Summary | null {
  const rows = rowsOf(ms, db, scale, op, server);
  if (!rows.length) return null;
  const base = server === "baseline" ? [] : rowsOf(ms, db, scale, op, "baseline");
  const pairs = rows.flatMap((m) => {
    const b = base.find((x) => x.round === m.round);
    return b ? [{ m, b }] : [];
  });
  return {
    db,
    scale,
    op,
    server,
    rounds: rows.length,
    rps: spread(rows.map((m) => m.rps))!,
    p50: spread(rows.map((m) => m.p50))!,
    cpuMsPerRequest: spread(rows.map((m) => m.cpuMsPerRequest))!,
    dbCpuMsPerRequest: spread(rows.map((m) => m.dbCpuMsPerRequest)),
    ratio: spread(pairs.map(({ m, b }) => m.rps / b.rps)),
    cpuRatio: spread(pairs.map(({ m, b }) => totalCpu(b) / totalCpu(m))),
  };
}

/** Every interleaved group (op, server) at each db and scale, in the order they were measured. */
export function interleavedSummaries(ms: Measurement[]): Summary[] {
  const keys = [...new Set(ms.filter((m) => m.round !== null).map((m) => `${m.db}|${m.scale}|${m.op}|${m.server}`))];
  return keys.map((k) => {
    const [db, scale, op, server] = k.split("|");
    return summarize(ms, db as DatabaseKind, Number(scale), op as OperationId, server as Measurement["server"])!;
  });
}

const range = (s: Spread | null, digits: number) =>
  s ? `${fmt(s.median, digits)} (${fmt(s.min, digits)}–${fmt(s.max, digits)})` : "–";

/** The interleaved rounds as a Markdown table: medians, with the lowest and highest round in brackets. */
export function interleavedTable(ms: Measurement[]): string {
  const rows = interleavedSummaries(ms);
  if (!rows.length) return "";
  const head =
    "| db | scale | op | server | rounds | req/s | p50 ms | node CPU ms/req | DB CPU ms/req | req/s ÷ baseline | CPU: baseline ÷ this |";
  const rule = "|---|---|---|---|---|---|---|---|---|---|---|";
  const body = rows.map(
    (r) =>
      `| ${r.db} | ${r.scale}x | ${r.op} | ${r.server} | ${r.rounds} | ${range(r.rps, 1)} | ${range(r.p50, 0)} | ` +
      `${range(r.cpuMsPerRequest, 1)} | ${r.db === "sqlite" ? "in process" : range(r.dbCpuMsPerRequest, 1)} | ` +
      `${range(r.ratio, 2)} | ${range(r.cpuRatio, 2)} |`,
  );
  return [head, rule, ...body].join("\n");
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

  const places = [...new Set(ms.map((m) => `${m.db}|${m.scale}`))].map((k) => k.split("|"));
  const ratios = places
    .map(([db, scale]) => summarize(ms, db as DatabaseKind, Number(scale), "Q1", "api"))
    .filter((r): r is Summary => r !== null && r.ratio !== null);
  out.push({
    name: "Q1 throughput ≥ 0.7 × baseline",
    goal: "our req/s ÷ hand-written graphql-js + DataLoader + raw SQL, median of the interleaved rounds",
    measured: ratios.length
      ? ratios
          .map(
            (r) =>
              `${r.db} ${r.scale}x ${range(r.ratio, 2)} (CPU per request, node and database ${range(r.cpuRatio, 2)})`,
          )
          .join(", ")
      : "not measured",
    met: ratios.length ? ratios.every((r) => r.ratio!.median >= 0.7) : null,
  });

  const growth = [...new Set(ms.map((m) => m.db))].flatMap((db) => {
    const small = summarize(ms, db, 1, "Q1", "api");
    const large = summarize(ms, db, 100, "Q1", "api");
    return small && large
      ? [
          {
            db,
            ratio: large.p50.median / small.p50.median,
            cpu: large.cpuMsPerRequest.median / small.cpuMsPerRequest.median,
          },
        ]
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
