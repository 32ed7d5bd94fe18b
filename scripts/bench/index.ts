import "reflect-metadata";
/**
 * npm run bench [-- --scale 1,10,100 --db sqlite,mysql --duration 6 --only Q1,M1 --profile]
 *
 * Loads the demo data at each scale into a fresh database, starts the real built server as a child
 * process and drives it over loopback with autocannon. Q1 is measured in interleaved rounds beside
 * the hand-written baseline (and, at 1x on SQLite, the Fastify variant and the API without its node
 * flags) on the same data: API, baseline, API, baseline, …, so that the machine's drift falls on
 * all of them alike. Prints a table, the interleaved medians and the issue's targets, and writes
 * everything as JSON to bench-results/.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { DEMO_PASSWORD } from "../../apps/api/src/demo/context";
import { awardOperations, type GqlCall } from "./award-operations";
import {
  benchSecrets,
  createEnrollFixture,
  enrollOutcome,
  prepareDatabase,
  signedIn,
  type BenchDatabase,
  type DatabaseKind,
} from "./bench-database";
import {
  interleavedTable,
  summarize,
  table,
  targetLines,
  targets,
  type ImportFigure,
  type Measurement,
  type SkippedRow,
} from "./bench-report";
import { drive } from "./load-runner";
import {
  OPERATION_IDS,
  d1,
  d2,
  m1,
  q1,
  q4,
  type OperationId,
  type PreparedOperation,
  type Skipped,
} from "./operations";
import {
  API_NODE_FLAGS,
  listeningPid,
  processCpuMs,
  ROOT,
  startServer,
  type ServerKind,
  type ServerProcess,
} from "./server-process";

const USAGE = `usage: npm run bench -- [--scale 1,10,100] [--db sqlite,mysql] [--duration 6] [--connections 8]
       [--only Q1,Q2,Q3,Q4,D1,D2,M1] [--rounds 3] [--m1-trainees 6000] [--mysql-url mysql://root@127.0.0.1:3306/] [--profile]`;

interface Options {
  scales: number[];
  dbs: DatabaseKind[];
  duration: number;
  connections: number;
  only: Set<OperationId>;
  /** Interleaved rounds of Q1 per server. */
  rounds: number;
  m1Trainees: number;
  mysqlUrl: string;
  profile: boolean;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "1,10,100" },
      db: { type: "string", default: "sqlite,mysql" },
      duration: { type: "string", default: "6" },
      connections: { type: "string", default: "8" },
      only: { type: "string", default: OPERATION_IDS.join(",") },
      rounds: { type: "string", default: "3" },
      "m1-trainees": { type: "string", default: "6000" },
      "mysql-url": { type: "string", default: process.env.TEST_DATABASE_URL || "mysql://root@127.0.0.1:3306/" },
      profile: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const ints = (s: string, name: string, max: number) =>
    s.split(",").map((v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > max)
        throw new Error(`--${name}: ${v} is not an integer from 1 to ${max}`);
      return n;
    });
  const dbs = values.db.split(",") as DatabaseKind[];
  if (dbs.some((d) => d !== "sqlite" && d !== "mysql")) throw new Error("--db takes sqlite and/or mysql");
  const only = values.only.split(",") as OperationId[];
  if (only.some((o) => !OPERATION_IDS.includes(o))) throw new Error(`--only takes ${OPERATION_IDS.join(",")}`);
  return {
    scales: ints(values.scale, "scale", 100),
    dbs,
    duration: ints(values.duration, "duration", 120)[0],
    connections: ints(values.connections, "connections", 256)[0],
    only: new Set(only),
    rounds: ints(values.rounds, "rounds", 20)[0],
    m1Trainees: ints(values["m1-trainees"], "m1-trainees", 100_000)[0],
    mysqlUrl: values["mysql-url"],
    profile: values.profile,
  };
}

const WARM_SECONDS = 2;
const WARM_REQUESTS = 300;

const say = (text: string) => console.log(`${new Date().toISOString().slice(11, 19)}  ${text}`);

function caller(url: string): GqlCall {
  return async (query, variables, token) => {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as Awaited<ReturnType<GqlCall>>;
  };
}

async function login(call: GqlCall, phone: string): Promise<string> {
  const res = await call(
    `mutation Login($input: LoginInput!) { login(input: $input) { token userErrors { code message } } }`,
    { input: { phone, password: DEMO_PASSWORD } },
  );
  const token = (res.data?.login as { token?: string } | undefined)?.token;
  if (!token) throw new Error(`login of ${phone} failed: ${JSON.stringify(res)}`);
  return token;
}

/**
 * The statements one request of `op` runs, from `x-sql-statements`: the server counts the requests
 * that ask (EXPOSE_SQL_STATEMENTS=1), so the measured ones run as in production. Null when not sent.
 */
async function statementsOf(url: string, op: PreparedOperation): Promise<number | null> {
  const token = typeof op.request.token === "function" ? op.request.token() : op.request.token;
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-sql-statements": "count",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: op.request.body,
  });
  const text = await res.text();
  const problem = res.status === 200 ? op.request.check(text) : `HTTP ${res.status}: ${text.slice(0, 300)}`;
  if (problem) throw new Error(`${op.id} on ${url} fails: ${problem}`);
  const header = res.headers.get("x-sql-statements");
  return header === null ? null : Number(header);
}

async function answer(url: string, op: PreparedOperation): Promise<string> {
  const token = typeof op.request.token === "function" ? op.request.token() : op.request.token;
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: op.request.body,
  });
  const text = await res.text();
  const problem = res.status === 200 ? op.request.check(text) : `HTTP ${res.status}: ${text.slice(0, 300)}`;
  if (problem) throw new Error(`${op.id} on ${url} fails: ${problem}`);
  return JSON.stringify((JSON.parse(text) as { data: unknown }).data);
}

class Bench {
  readonly measurements: Measurement[] = [];
  readonly skipped: SkippedRow[] = [];
  readonly imports: ImportFigure[] = [];
  readonly enrollOutcomes: Record<string, unknown>[] = [];
  readonly notes: string[] = [];
  readonly versions: Partial<Record<DatabaseKind, string>> = {};
  private readonly secrets = benchSecrets();
  private readonly log = pino({ level: "warn" });
  private readonly schemaSdl = readFileSync(join(ROOT, "schema.graphql"), "utf8");
  private readonly profileDir = join(ROOT, "bench-results", "profiles");
  /** What an interrupted run must not leave behind: the scratch database and the running server. */
  private readonly open = { db: null as BenchDatabase | null, servers: new Set<ServerProcess>() };

  constructor(private readonly opts: Options) {}

  private env(db: BenchDatabase): Record<string, string> {
    return {
      DATABASE_URL: db.url,
      DEMO_DATA: "0",
      EXPOSE_SQL_STATEMENTS: "1",
      LOG_LEVEL: this.opts.profile ? "debug" : "info",
      ...this.secrets,
    };
  }

  /** Every server runs with the flags `npm start` gives the API (API_NODE_FLAGS), unless `nodeFlags` says otherwise. */
  private async start(
    kind: ServerKind,
    db: BenchDatabase,
    nodeFlags = API_NODE_FLAGS,
    env: Record<string, string> = {},
  ): Promise<ServerProcess> {
    if (this.opts.profile) mkdirSync(this.profileDir, { recursive: true });
    const server = await startServer(
      kind,
      { ...this.env(db), ...env },
      this.opts.profile
        ? {
            nodeFlags: [...nodeFlags, "--cpu-prof", `--cpu-prof-dir=${this.profileDir}`],
            logFile: join(
              this.profileDir,
              `${kind}${env.GRAPHQL_EXECUTOR ? `-${env.GRAPHQL_EXECUTOR}` : ""}-${db.kind}-${db.scale}x.log`,
            ),
          }
        : { nodeFlags },
    );
    this.open.servers.add(server);
    return server;
  }

  private async stop(server: ServerProcess): Promise<void> {
    await server.stop();
    this.open.servers.delete(server);
  }

  /** On Ctrl-C or SIGTERM: stop the servers, drop the scratch database. */
  async abort(): Promise<void> {
    await Promise.all([...this.open.servers].map((s) => s.stop()));
    await this.open.db?.drop();
  }

  /** The JIT, the pools, the page cache: at least WARM_SECONDS and WARM_REQUESTS (the JIT needs calls, not seconds). */
  private async warmUp(server: ServerProcess, warm: PreparedOperation, connections: number): Promise<void> {
    const warmed = await drive(server.url, warm.request, {
      durationSeconds: WARM_SECONDS,
      connections,
      maxRequests: warm.maxRequests,
    });
    if (!warm.maxRequests && warmed.requests < WARM_REQUESTS) {
      await drive(server.url, warm.request, {
        durationSeconds: 60,
        connections,
        maxRequests: Math.max(connections, WARM_REQUESTS - warmed.requests),
      });
    }
  }

  /** A warm-up (unless the server is warm already), then the measured run with a fresh memory peak. */
  private async measure(
    server: ServerProcess,
    label: Measurement["server"],
    db: BenchDatabase,
    op: PreparedOperation,
    options: { warm?: PreparedOperation | "none"; count?: PreparedOperation; round?: number } = {},
  ) {
    const { count, round } = options;
    const connections = op.writes ? this.opts.connections * 2 : this.opts.connections;
    if (options.warm !== "none") await this.warmUp(server, options.warm ?? op, connections);
    server.resetPeak();
    const cpuBefore = server.cpuMs();
    const dbPid = db.kind === "mysql" ? listeningPid(Number(new URL(this.opts.mysqlUrl).port || 3306)) : null;
    const dbCpuBefore = dbPid === null ? null : processCpuMs(dbPid);
    const result = await drive(server.url, op.request, {
      durationSeconds: this.opts.duration,
      connections,
      maxRequests: op.maxRequests,
    });
    const cpuMsPerRequest = (server.cpuMs() - cpuBefore) / Math.max(1, result.requests);
    const dbCpuAfter = dbPid === null ? null : processCpuMs(dbPid);
    const dbCpuMsPerRequest =
      dbCpuBefore === null || dbCpuAfter === null ? null : (dbCpuAfter - dbCpuBefore) / Math.max(1, result.requests);
    // Counted on one more request, which asks for it: counting costs the measured ones nothing.
    const counted = await statementsOf(server.url, count ?? op);
    const m: Measurement = {
      ...result,
      statements: counted ?? result.statements,
      statementsMax: counted ?? result.statementsMax,
      db: db.kind,
      scale: db.scale,
      op: op.id,
      server: label,
      title: op.title,
      body: op.request.body,
      levels: label === "api" ? op.levels : null,
      peakRssMiB: server.peakRssMiB(),
      cpuMsPerRequest,
      dbCpuMsPerRequest,
      round: round ?? null,
    };
    this.measurements.push(m);
    say(
      `  ${op.id} ${label}${round ? ` #${round}` : ""}: ${m.rps.toFixed(1)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, ` +
        `${m.cpuMsPerRequest.toFixed(1)} CPU ms/req` +
        (m.dbCpuMsPerRequest === null ? "" : ` + ${m.dbCpuMsPerRequest.toFixed(1)} in the database`) +
        ", " +
        `${m.statements?.toFixed(1) ?? "–"} SQL/req, peak ${m.peakRssMiB.toFixed(0)} MiB` +
        (m.failures ? `, ${m.failures} FAILED (${m.firstFailure})` : ""),
    );
    return m;
  }

  async run(kind: DatabaseKind, scale: number): Promise<void> {
    say(`${kind} ${scale}x: loading the demo data`);
    const db = (this.open.db = await prepareDatabase(kind, scale, this.secrets, this.opts.mysqlUrl, this.log));
    const [{ v }] = await db.ds.query(kind === "mysql" ? "SELECT VERSION() AS v" : "SELECT sqlite_version() AS v");
    this.versions[kind] = String(v);
    say(
      `  ${db.importRows} rows in ${db.importSeconds.toFixed(1)} s (${Math.round(db.importRows / db.importSeconds)} rows/s)`,
    );
    try {
      await this.runApi(db);
    } finally {
      await db.drop();
      this.open.db = null;
    }
  }

  /** The real server: Q1 interleaved with the others, the other reads, then the write (it changes the data). */
  private async runApi(db: BenchDatabase): Promise<void> {
    const api = await this.start("api", db);
    this.imports.push({
      db: db.kind,
      scale: db.scale,
      rows: db.importRows,
      seconds: db.importSeconds,
      rowsPerSecond: db.importRows / db.importSeconds,
      readyMs: api.readyMs,
    });
    say(`  API ready in ${api.readyMs.toFixed(0)} ms`);
    try {
      const call = caller(api.url);
      const staff = await login(call, "13800000002");
      const trainee = await login(call, "13800000004");
      const reads: (PreparedOperation | Skipped)[] = [
        q1(staff),
        ...(await awardOperations(this.schemaSdl, call, staff)),
        q4(trainee),
        d1(staff),
        d2(staff),
      ];
      for (const op of reads.filter((o) => this.opts.only.has(o.id))) {
        if ("skipped" in op) {
          this.skipped.push({ db: db.kind, scale: db.scale, op: op.id, title: op.title, skipped: op.skipped });
          say(`  ${op.id} ${op.skipped}`);
          continue;
        }
        const data = await answer(api.url, op);
        if (op.id === "Q1") await this.interleaveQ1(api, op, db, data);
        else await this.measure(api, "api", db, op);
      }
      if (this.opts.only.has("M1")) await this.runEnroll(api, db);
    } finally {
      await this.stop(api);
    }
  }

  /**
   * Q1 on the API and, on the same data, the API on graphql-js's interpreter (GRAPHQL_EXECUTOR=graphql-js,
   * what the compiled executor replaced) and the baseline (at 1x on SQLite also the Fastify variant and
   * the API without API_NODE_FLAGS), each checked to answer the same, in interleaved rounds: every
   * server warmed up once, then round 1 of each, round 2 of each, …. All of them stay up meanwhile
   * (an idle server costs nothing measurable), so no round starts cold.
   */
  private async interleaveQ1(api: ServerProcess, op: PreparedOperation, db: BenchDatabase, q1Answer: string) {
    const lineup: { label: Measurement["server"]; server: ServerProcess; op: PreparedOperation }[] = [
      { label: "api", server: api, op },
    ];
    try {
      for (const label of db.kind === "sqlite" && db.scale === 1
        ? (["api-graphql-js", "baseline", "fastify", "api-v8-defaults"] as const)
        : (["api-graphql-js", "baseline"] as const)) {
        const server =
          label === "api-v8-defaults"
            ? await this.start("api", db, [])
            : label === "api-graphql-js"
              ? await this.start("api", db, API_NODE_FLAGS, { GRAPHQL_EXECUTOR: "graphql-js" })
              : await this.start(label, db);
        // The baseline has no login mutation: its staff session is made in the database.
        const staff =
          label === "baseline" ? await signedIn(db, "13800000002") : await login(caller(server.url), "13800000002");
        const theirs = q1(staff);
        if ((await answer(server.url, theirs)) !== q1Answer) {
          this.notes.push(`${label} ${db.kind} ${db.scale}x: Q1 answer differs from the API's`);
          say(`  ${label}: Q1 answer DIFFERS from the API's`);
        }
        lineup.push({ label, server, op: theirs });
      }
      for (const entry of lineup) await this.warmUp(entry.server, entry.op, this.opts.connections);
      for (let round = 1; round <= this.opts.rounds; round++)
        for (const entry of lineup)
          await this.measure(entry.server, entry.label, db, entry.op, { warm: "none", round });
    } finally {
      for (const entry of lineup.slice(1)) await this.stop(entry.server);
    }
  }

  private async runEnroll(api: ServerProcess, db: BenchDatabase): Promise<void> {
    const fixture = await createEnrollFixture(db, this.opts.m1Trainees);
    // A sixth of the trainees warm up, the rest are the measured run; no token is used twice.
    // One more counts the statements of an enrollment.
    const split = Math.floor(fixture.tokens.length / 6);
    const warm = m1(fixture.cohortGlobalId, fixture.tokens.slice(0, split));
    const count = m1(fixture.cohortGlobalId, fixture.tokens.slice(split, split + 1));
    const measured = m1(fixture.cohortGlobalId, fixture.tokens.slice(split + 1));
    await this.measure(api, "api", db, measured, { warm, count });
    const outcome = await enrollOutcome(db, fixture);
    this.enrollOutcomes.push({ db: db.kind, scale: db.scale, ...outcome });
    if (!outcome.consistent) this.notes.push(`M1 ${db.kind} ${db.scale}x: seats and enrollments disagree`);
    say(`  M1 left ${outcome.enrolled} ENROLLED, seats_taken ${outcome.seatsTaken} of ${outcome.capacity}`);
  }
}

/** Express against Fastify at SQLite 1x: medians of their interleaved Q1 rounds. */
function frameworks(ms: Measurement[]): string | null {
  const express = summarize(ms, "sqlite", 1, "Q1", "api");
  const fastify = summarize(ms, "sqlite", 1, "Q1", "fastify");
  if (!express || !fastify) return null;
  const [e, f] = [express.rps.median, fastify.rps.median];
  const [fast, slow] = f >= e ? ["Fastify 5", "Express 5"] : ["Express 5", "Fastify 5"];
  const ratio = Math.max(e, f) / Math.min(e, f);
  return (
    `Express 5 vs Fastify 5 (Q1, SQLite 1x, medians): Express ${e.toFixed(1)} req/s, p50 ${express.p50.median} ms, ` +
    `${express.cpuMsPerRequest.median.toFixed(1)} CPU ms/req; Fastify ${f.toFixed(1)} req/s, p50 ${fastify.p50.median} ms, ` +
    `${fastify.cpuMsPerRequest.median.toFixed(1)} CPU ms/req: ${fast} is ${((ratio - 1) * 100).toFixed(1)} % faster than ${slow} in req/s`
  );
}

async function main() {
  const opts = options();
  const started = performance.now();
  const bench = new Bench(opts);
  say(
    `bench: scales ${opts.scales.join(",")} on ${opts.dbs.join(",")}, ${opts.duration} s per operation, ` +
      `${opts.connections} connections; ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${cpus()[0].model}`,
  );
  if (opts.profile) say("profile run: CPU profiles and statement logs in bench-results/profiles; figures are slower");
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      say(`${signal}: stopping the server and dropping the scratch database`);
      bench.abort().finally(() => process.exit(130));
    });
  }
  for (const db of opts.dbs) for (const scale of opts.scales) await bench.run(db, scale);

  const goals = targets(bench.measurements, bench.imports);
  const framework = frameworks(bench.measurements);
  console.log(`\n${table(bench.measurements, bench.skipped)}\n`);
  const interleaved = interleavedTable(bench.measurements);
  if (interleaved) console.log(`Q1, interleaved rounds (median, lowest–highest round):\n${interleaved}\n`);
  for (const i of bench.imports)
    console.log(
      `import ${i.db} ${i.scale}x: ${i.rows} rows in ${i.seconds.toFixed(1)} s = ${Math.round(i.rowsPerSecond)} rows/s; API ready in ${i.readyMs.toFixed(0)} ms`,
    );
  if (framework) console.log(framework);
  for (const note of bench.notes) console.log(`note: ${note}`);
  console.log(`\ntargets:\n${targetLines(goals)}`);

  const seconds = (performance.now() - started) / 1000;
  const dir = join(ROOT, "bench-results");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  const machine = {
    cores: availableParallelism(),
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    cpu: cpus()[0].model,
    node: process.version,
    databases: bench.versions,
  };
  writeFileSync(
    file,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine,
        options: { ...opts, only: [...opts.only] },
        seconds,
        measurements: bench.measurements,
        skipped: bench.skipped,
        imports: bench.imports,
        enrollOutcomes: bench.enrollOutcomes,
        frameworks: framework,
        notes: bench.notes,
        targets: goals,
      },
      null,
      2,
    ),
  );
  console.log(
    `\n${file} written; the whole run took ${(seconds / 60).toFixed(1)} min ` +
      `(node ${process.version}, ${Object.entries(bench.versions)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")})`,
  );
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error("bench failed:", err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
