import "reflect-metadata";
/**
 * npm run drill:cluster [-- --short] [-- --pids <file>]
 *
 * Starts the cluster of `npm run cluster` (3 Galera nodes, HAProxy, its own Redis, 3 API processes),
 * races for seats through every API process at once while a node is SIGKILLed and rejoins by IST,
 * then checks every node; sends one Idempotency-Key to two processes at once; kills an API process
 * mid-request; lets the outbox and reminders run in every process; isolates nodes (non-primary,
 * split); stops Redis; measures throughput with 1, 2 and 3 API processes and against one plain
 * MariaDB started here. Loopback only, bounded, stops by itself; prints a table; exits 1 on a failed
 * check. `--short` (CI) runs the races, the idempotency pair and the node kill only.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import type { DataSource } from "typeorm";
import { loadConfig } from "../../apps/api/src/config";
import { openDatabase } from "../../apps/api/src/db/database";
import { fromGlobalId } from "../../apps/api/src/graphql/ids";
import { startBuiltServer } from "../../apps/api/src/testing/built-server";
import { drive, noErrors, type LoadResult } from "../bench/load-runner";
import { Cluster, DATABASE } from "./cluster";
import { stage, type Stage } from "./drill-fixture";
import { startSingle, type DbNode } from "./galera";

const ENROLL = `mutation Enroll($input: EnrollInput!) { enroll(input: $input) { enrollment { id status waitlistPosition } userErrors { code } } }`;
const REGISTER = `mutation Register($input: RegisterForEventInput!) { registerForEvent(input: $input) { registration { id status waitlistPosition } userErrors { code } } }`;
const MINE = `{ me { trainee { enrollments(first: 10) { edges { node { id status waitlistPosition cohort { id } } } } eventRegistrations(first: 10) { edges { node { id status waitlistPosition event { id } } } } } } }`;
const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`;

// ---------------------------------------------------------------- the client

interface Seat {
  id: string;
  status: string;
  waitlistPosition: number | null;
}
type Errors = { userErrors: { code: string }[] };
interface Data {
  enroll?: { enrollment: Seat | null } & Errors;
  registerForEvent?: { registration: Seat | null } & Errors;
  login?: { token: string | null } & Errors;
  me?: {
    trainee: {
      enrollments: { edges: { node: Seat & { cohort: { id: string } } }[] };
      eventRegistrations: { edges: { node: Seat & { event: { id: string } } }[] };
    } | null;
  } | null;
}
/** A row as mysql2 answers it. */
type DbRow = Record<string, string | number | null>;

interface Answer {
  /** HTTP status, or 0 when the connection broke (the process died). */
  status: number;
  body: { data?: Data | null; errors?: { extensions?: { code?: string } }[] } | null;
  replayed: boolean;
  retryAfter: number;
}

async function post(url: string, query: string, variables: unknown, token?: string, key?: string): Promise<Answer> {
  try {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(key ? { "idempotency-key": key } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    let body: Answer["body"] = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null; // HAProxy's own page (502/503)
    }
    return {
      status: res.status,
      body,
      replayed: res.headers.get("idempotent-replayed") === "true",
      retryAfter: Number(res.headers.get("retry-after") ?? 0),
    };
  } catch {
    return { status: 0, body: null, replayed: false, retryAfter: 0 };
  }
}

const codesOf = (a: Answer) => (a.body?.errors ?? []).map((e) => e.extensions?.code ?? "?");
const internal = (a: Answer) =>
  a.status === 500 || codesOf(a).some((c) => c === "INTERNAL" || c === "INTERNAL_SERVER_ERROR");
/** Worth retrying with the same key: a broken connection, a proxy or outage answer, a key still running. */
const retryable = (a: Answer) => a.status === 0 || a.status === 502 || a.status === 503 || a.status === 409;

interface Outcome {
  final: Answer;
  attempts: Answer[];
}

/**
 * A careful client: the same Idempotency-Key on every attempt; it waits what Retry-After says (at
 * most 2 s, to keep the drill short) and goes to the public address after a broken connection.
 */
async function mutate(
  first: string,
  fallback: string,
  query: string,
  variables: unknown,
  token: string,
  key: string,
): Promise<Outcome> {
  const attempts: Answer[] = [];
  let url = first;
  for (let i = 0; i < 40; i++) {
    const a = await post(url, query, variables, token, key);
    attempts.push(a);
    if (!retryable(a)) return { final: a, attempts };
    if (a.status === 0 || a.status === 502) url = fallback;
    await sleep(Math.min(2, a.retryAfter || 0.25) * 1000);
  }
  return { final: attempts[attempts.length - 1], attempts };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- the report

interface Row {
  check: string;
  observed: string;
  ok: boolean;
}
const rows: Row[] = [];
function row(check: string, observed: string, ok: boolean) {
  rows.push({ check, observed, ok });
  console.log(`${ok ? "ok  " : "FAIL"} ${check}: ${observed}`);
}

function printTable(throughput: string[]) {
  const w = Math.max(...rows.map((r) => r.check.length));
  const lines = [
    `| ${"check".padEnd(w)} | ok | observed |`,
    `|${"-".repeat(w + 2)}|----|----------|`,
    ...rows.map((r) => `| ${r.check.padEnd(w)} | ${r.ok ? "✓ " : "✗ "} | ${r.observed} |`),
  ];
  console.log(`\n${lines.join("\n")}`);
  if (throughput.length) console.log(`\n${throughput.join("\n")}`);
}

// ---------------------------------------------------------------- checks on every node

async function onNode(node: DbNode, sql: string, params: unknown[] = []): Promise<DbRow[]> {
  const conn = await node.connect(DATABASE);
  try {
    // Causal: the node has applied everything the cluster committed before this read.
    if (node.galera) await conn.query("SET SESSION wsrep_sync_wait = 1");
    const [result] = await conn.query(sql, params);
    return result as DbRow[];
  } finally {
    await conn.end();
  }
}

async function seatCounts(node: DbNode, table: "enrollment" | "event_registration", parent: string, id: number) {
  const parentTable = table === "enrollment" ? "cohort" : "event";
  const seated = table === "enrollment" ? "ENROLLED" : "REGISTERED";
  const [r] = await onNode(
    node,
    `SELECT p.seats_taken AS taken,
       (SELECT COUNT(*) FROM ${table} x WHERE x.${parent} = p.id AND x.status = ?) AS seated,
       (SELECT COUNT(*) FROM ${table} x WHERE x.${parent} = p.id AND x.status = 'WAITLISTED') AS waiting,
       (SELECT COUNT(*) FROM ${table} x WHERE x.${parent} = p.id) AS total,
       (SELECT COUNT(DISTINCT trainee_id) FROM ${table} x WHERE x.${parent} = p.id) AS people
     FROM ${parentTable} p WHERE p.id = ?`,
    [seated, id],
  );
  return {
    taken: Number(r.taken),
    seated: Number(r.seated),
    waiting: Number(r.waiting),
    total: Number(r.total),
    people: Number(r.people),
  };
}

// ---------------------------------------------------------------- the drill

async function main() {
  const { values } = parseArgs({
    options: {
      short: { type: "boolean", default: false },
      pids: { type: "string" },
      "time-limit": { type: "string" },
    },
  });
  const short = values.short!;
  const limitSeconds = Number(values["time-limit"] ?? (short ? 170 : 600));
  const started = performance.now();
  let single: { node: DbNode; stop: () => Promise<void> } | undefined;
  // Exiting kills whatever the cluster started (cluster.ts), so these need no more than exit.
  const hardStop = setTimeout(() => {
    console.error(`\ndrill: over its time limit of ${limitSeconds} s, stopping everything`);
    process.exit(2);
  }, limitSeconds * 1000);
  hardStop.unref();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\ndrill: ${signal}, stopping everything it started`);
      process.exit(130);
    });
  }
  const log = pino({ level: "silent" });

  const cluster: Cluster = await Cluster.start({
    apis: 3,
    redisUrl: null,
    demoData: false,
    apiLogs: "files",
    pidFile: values.pids,
    env: { IDEMPOTENCY_LEASE_SECONDS: "8" },
    say: (l) => console.log(l),
  });
  const [node1, node2, node3] = cluster.nodes;
  const api = (i: number) => cluster.apis[i % cluster.apis.length].server.url;
  const publicUrl = cluster.publicUrl;
  let ds: DataSource | undefined;
  try {
    const [{ n: migrationRows }] = await onNode(node3, "SELECT COUNT(*) AS n FROM migration");
    ds = await openDatabase(
      loadConfig({
        NODE_ENV: "production",
        DATABASE_URL: cluster.writerUrl,
        DEMO_DATA: "0",
        SMS_PROVIDER: "inbox",
        ...cluster.secrets,
      }),
      log,
    );
    row(
      "migrations, 3 API processes started at once",
      `${migrationRows} rows in migration = ${ds.migrations.length} migrations, each applied once`,
      Number(migrationRows) === ds.migrations.length,
    );
    const set = await stage(ds, cluster.secrets.SESSION_SECRET);

    await seatRaces(cluster, set, short, api, publicUrl, [node1, node2, node3]);
    await idempotencyPair(cluster, set, api);
    if (!short) {
      await apiKilledMidRequest(cluster, set, publicUrl);
      await outboxAndReminders(cluster, ds, [node1, node2, node3]);
      await nonPrimaryNode(cluster, set, node3, publicUrl);
      await split(cluster, set, [node1, node2], node3, api, publicUrl);
      await redisDown(cluster, set, api);
    }
    let throughput: string[] = [];
    if (!short) {
      await ds.destroy();
      ds = undefined;
      throughput = await measure(cluster, publicUrl, (s) => (single = s));
    }
    printTable(throughput);
    console.log(`\ndrill: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    if (ds?.isInitialized) await ds.destroy();
    await single?.stop();
    await cluster.stop();
    clearTimeout(hardStop);
  }
  process.exit(rows.every((r) => r.ok) ? 0 : 1);
}

/** Seat races for one cohort and one event through all API processes at once, a node SIGKILLed midway. */
async function seatRaces(
  cluster: Cluster,
  set: Stage,
  short: boolean,
  api: (i: number) => string,
  publicUrl: string,
  nodes: DbNode[],
) {
  const capacity = short ? 12 : 20;
  const people = await set.trainees(short ? 36 : 60, { sms: true });
  const cohort = await set.cohort(capacity, "抢座");
  // 47 h ahead: its reminder job exists but is not due until the outbox check moves the event.
  const event = await set.event(capacity, 47);
  const victim = nodes[1];
  const tasks = people.flatMap((p, i) => [
    () => mutate(api(i), publicUrl, ENROLL, { input: { cohortId: cohort.gid } }, p.token, `race-enroll-${i}`),
    () => mutate(api(i + 1), publicUrl, REGISTER, { input: { eventId: event.gid } }, p.token, `race-register-${i}`),
  ]);
  let answered = 0;
  let killedAt = 0;
  let movedMs: number | null = null;
  const killer = (async () => {
    while (answered < tasks.length / 4) await sleep(5);
    killedAt = performance.now();
    await victim.kill("SIGKILL");
    for (let i = 0; i < 200; i++) {
      const states = await cluster.haproxy.serverStates("galera_writer");
      if (states[victim.name]?.startsWith("DOWN")) {
        movedMs = performance.now() - killedAt;
        return;
      }
      await sleep(50);
    }
  })();
  const raceStarted = performance.now();
  const outcomes = await Promise.all(
    tasks.map((t) =>
      t().then((o) => {
        answered++;
        return o;
      }),
    ),
  );
  const raceSeconds = (performance.now() - raceStarted) / 1000;
  await killer;
  const all = outcomes.flatMap((o) => o.attempts);
  const internals = all.filter(internal).length;
  const retried = outcomes.filter((o) => o.attempts.length > 1).length;
  const unavailable = all.filter((a) => a.status === 503).length;
  // Accepted: the change is made and named (a field of the payload may still have failed to read back).
  const acceptedOf = (o: Outcome) =>
    o.final.status === 200 &&
    Boolean(o.final.body?.data?.enroll?.enrollment ?? o.final.body?.data?.registerForEvent?.registration);
  // A commit whose answer was lost with its node: the key was freed (nothing seemed changed), the
  // retry ran again and was told the seat is already held. One effect; the client knows it.
  const alreadyOf = (o: Outcome) => {
    const errors = o.final.body?.data?.enroll?.userErrors ?? o.final.body?.data?.registerForEvent?.userErrors ?? [];
    return o.final.status === 200 && errors.some((e) => e.code.startsWith("ALREADY_"));
  };
  const already = outcomes.filter(alreadyOf).length;
  const unsettled = outcomes.filter((o) => !acceptedOf(o) && !alreadyOf(o));
  const failedFinal = unsettled.length;
  const partial = outcomes.filter((o) => acceptedOf(o) && codesOf(o.final).length).length;
  row(
    `race: ${people.length} trainees × (enroll + register), ${tasks.length} requests over 3 API processes at once`,
    `${raceSeconds.toFixed(1)} s; ${outcomes.length - failedFinal - already}/${outcomes.length} accepted (${partial} with a field of the answer unread: node gone after the commit), ${already} told ALREADY_… on retry (their first commit's answer was lost with the node); ${retried} retried with their key after ${unavailable} × 503; ${internals} internal errors${unsettled.length ? `; unsettled: ${unsettled.map((o) => `${o.attempts.map((a) => a.status).join(">")} ${JSON.stringify(o.final.body).slice(0, 160)}`).join("; ")}` : ""}`,
    internals === 0 && failedFinal === 0,
  );
  row(
    `node2 SIGKILLed after ${Math.round(tasks.length / 4)} answers; HAProxy (check 1 s, fall 2) stops routing to it`,
    movedMs === null ? "never marked DOWN" : `marked DOWN ${(movedMs / 1000).toFixed(1)} s after the kill`,
    movedMs !== null && movedMs < 4000,
  );

  // The node comes back from its recovered position: IST, not a full copy.
  const before = readFileSync(victim.logFile, "utf8").length;
  const rejoinStarted = performance.now();
  const position = victim.restart();
  await victim.waitReady(120_000, 3);
  const rejoinSeconds = (performance.now() - rejoinStarted) / 1000;
  const rejoinLog = readFileSync(victim.logFile, "utf8").slice(before);
  const ist = rejoinLog.match(/Receiving IST: (\d+) writesets/);
  const fullCopy = /rsync SST completed on joiner/.test(rejoinLog) && !/--bypass|bypass/.test(rejoinLog) && !ist;
  row(
    "node2 restarted from its recovered position and rejoined",
    `${rejoinSeconds.toFixed(1)} s to Synced; ${ist ? `IST of ${ist[1]} writesets` : fullCopy ? "full SST (no IST)" : "no transfer needed"} from ${position ?? "?"}`,
    Boolean(ist) || !fullCopy,
  );

  // Exact counts on every node, and every accepted write there.
  const accepted = outcomes.filter(acceptedOf);
  const answeredEnroll = accepted
    .map((o) => o.final.body?.data?.enroll?.enrollment)
    .filter((e): e is Seat => Boolean(e));
  const answeredRegister = accepted
    .map((o) => o.final.body?.data?.registerForEvent?.registration)
    .filter((r): r is Seat => Boolean(r));
  const idsOf = (list: { id: string }[]) => list.map((e) => fromGlobalId(e.id)!.id);
  for (const node of nodes) {
    const c = await seatCounts(node, "enrollment", "cohort_id", cohort.id);
    const e = await seatCounts(node, "event_registration", "event_id", event.id);
    const cohortOk =
      c.seated === capacity &&
      c.taken === capacity &&
      c.waiting === people.length - capacity &&
      c.total === people.length &&
      c.people === people.length;
    const eventOk =
      e.seated === capacity &&
      e.taken === capacity &&
      e.waiting === people.length - capacity &&
      e.total === people.length &&
      e.people === people.length;
    const enrollIds = idsOf(answeredEnroll);
    const registerIds = idsOf(answeredRegister);
    const foundEnroll = await onNode(node, `SELECT COUNT(*) AS n FROM enrollment WHERE id IN (?)`, [enrollIds]);
    const foundRegister = await onNode(node, `SELECT COUNT(*) AS n FROM event_registration WHERE id IN (?)`, [
      registerIds,
    ]);
    const kept = Number(foundEnroll[0].n) === enrollIds.length && Number(foundRegister[0].n) === registerIds.length;
    row(
      `${node.name}: cohort ${capacity} seats / event ${capacity} seats, ${people.length} people each`,
      `cohort ENROLLED ${c.seated} (seats_taken ${c.taken}), WAITLISTED ${c.waiting}, rows ${c.total} for ${c.people} people; event REGISTERED ${e.seated} (seats_taken ${e.taken}), WAITLISTED ${e.waiting}, rows ${e.total}; accepted writes present ${Number(foundEnroll[0].n) + Number(foundRegister[0].n)}/${enrollIds.length + registerIds.length}`,
      cohortOk && eventOk && kept,
    );
  }

  // Each trainee reads its own rows back through another process than it wrote through.
  const mine = await Promise.all(people.map((p, i) => post(api(i + 2), MINE, {}, p.token)));
  const cohortPositions: number[] = [];
  const eventPositions: number[] = [];
  let own = 0;
  for (const m of mine) {
    const t = m.body?.data?.me?.trainee;
    const enr = (t?.enrollments.edges ?? []).map((e) => e.node).filter((n) => n.cohort.id === cohort.gid);
    const reg = (t?.eventRegistrations.edges ?? []).map((e) => e.node).filter((n) => n.event.id === event.gid);
    if (enr.length === 1 && reg.length === 1) own++;
    for (const n of enr) if (n.status === "WAITLISTED") cohortPositions.push(n.waitlistPosition ?? 0);
    for (const n of reg) if (n.status === "WAITLISTED") eventPositions.push(n.waitlistPosition ?? 0);
  }
  const contiguous = (list: number[]) =>
    [...list].sort((a, b) => a - b).every((p, i) => p === i + 1) && list.length === people.length - capacity;
  row(
    "read your writes: each trainee's `me` through another API process",
    `${own}/${people.length} see their one enrollment and one registration; waitlist positions cohort 1..${cohortPositions.length}${contiguous(cohortPositions) ? "" : " NOT contiguous"}, event 1..${eventPositions.length}${contiguous(eventPositions) ? "" : " NOT contiguous"}`,
    own === people.length && contiguous(cohortPositions) && contiguous(eventPositions),
  );
  const certFailures = await Promise.all(
    nodes.map(async (n) => {
      const r = await onNode(
        n,
        "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_cert_failures','wsrep_local_bf_aborts')",
      );
      return r.reduce((sum, x) => sum + Number(x.Value), 0);
    }),
  );
  row(
    "lost certifications and brute-force aborts (retried like deadlocks)",
    `${certFailures.join(" + ")} on node1..3 (node2's count restarts with it); none reached a client`,
    internals === 0,
  );
}

/** The same Idempotency-Key sent to two API processes at the same moment, ten times. */
async function idempotencyPair(cluster: Cluster, set: Stage, api: (i: number) => string) {
  const cohort = await set.cohort(1000, "幂等");
  const people = await set.trainees(10);
  const pairs = await Promise.all(
    people.map(async (p, i) => {
      const key = `pair-${i}`;
      const vars = { input: { cohortId: cohort.gid } };
      const [a, b] = await Promise.all([
        mutate(api(0), api(2), ENROLL, vars, p.token, key),
        mutate(api(1), api(2), ENROLL, vars, p.token, key),
      ]);
      return [a, b];
    }),
  );
  const firstAnswers = pairs.flat().map((o) => o.attempts[0]);
  const inProgress = firstAnswers.filter((a) => a.status === 409).length;
  const replays = pairs.flat().filter((o) => o.final.replayed).length;
  const sameAnswer = pairs.every(
    ([a, b]) =>
      a.final.body?.data?.enroll?.enrollment?.id !== undefined &&
      a.final.body?.data?.enroll?.enrollment?.id === b.final.body?.data?.enroll?.enrollment?.id,
  );
  const [{ n, people: distinct }] = await onNode(
    cluster.nodes[2],
    "SELECT COUNT(*) AS n, COUNT(DISTINCT trainee_id) AS people FROM enrollment WHERE cohort_id = ?",
    [cohort.id],
  );
  row(
    "same Idempotency-Key to api1 and api2 at once, ×10 trainees",
    `${n} enrollments for ${distinct} trainees; both answers name the same enrollment: ${sameAnswer ? "yes" : "NO"}; ${inProgress} first answers 409 in progress, ${replays} replays`,
    Number(n) === 10 && Number(distinct) === 10 && sameAnswer,
  );
}

/** api3 SIGKILLed while it works on an enroll; the client retries with the same key through HAProxy. */
async function apiKilledMidRequest(cluster: Cluster, set: Stage, publicUrl: string) {
  const cohort = await set.cohort(100, "进程崩溃");
  const [p] = await set.trainees(1);
  const victim = cluster.apis[2];
  const vars = { input: { cohortId: cohort.gid } };
  const first = post(victim.server.url, ENROLL, vars, p.token, "crash-1");
  // Killed the moment its Idempotency-Key is claimed: the enrollment may or may not be committed yet.
  const watch = await cluster.nodes[0].connect(DATABASE);
  const claimedWithin = await waitFor(
    async () => {
      const [found] = await watch.query("SELECT id FROM idempotency_key WHERE client_key = 'crash-1'");
      return (found as unknown[]).length > 0;
    },
    10_000,
    1,
  );
  await watch.end();
  await victim.server.stop("SIGKILL");
  const firstAnswer = await first;
  const started = performance.now();
  const retry = await mutate(publicUrl, publicUrl, ENROLL, vars, p.token, "crash-1");
  const seconds = (performance.now() - started) / 1000;
  const [{ n }] = await onNode(cluster.nodes[0], "SELECT COUNT(*) AS n FROM enrollment WHERE cohort_id = ?", [
    cohort.id,
  ]);
  const final = retry.final.body?.data?.enroll;
  const said = final?.enrollment
    ? `enrollment ${final.enrollment.status}`
    : codesOf(retry.final).join(",") || final?.userErrors.map((e) => e.code).join(",");
  row(
    "api3 SIGKILLed mid-request; the client retries with the same key via HAProxy",
    `killed ${claimedWithin === null ? "(key never claimed)" : "as its key was claimed"}; first attempt: ${firstAnswer.status === 0 ? "connection broken" : `HTTP ${firstAnswer.status}`}; retries: ${retry.attempts.map((a) => a.status).join(" ")} in ${seconds.toFixed(1)} s, final ${said}${retry.final.replayed ? " (replayed)" : ""}; enrollments ${n}`,
    Number(n) === 1 && retry.final.status === 200 && !internal(retry.final),
  );
  await cluster.startApi(2);
}

/** The reminder of the raced event and every SMS of its notifications, with three processes working. */
async function outboxAndReminders(cluster: Cluster, ds: DataSource, nodes: DbNode[]) {
  const [event] = await ds.query("SELECT id FROM event ORDER BY id ASC LIMIT 1");
  const startsAt = new Date(Date.now() + 23 * 3600_000);
  // Staff move the salon to tomorrow: each process's scan moves its reminder job, which is now due.
  await ds.query("UPDATE event SET starts_at = ?, ends_at = ? WHERE id = ?", [
    startsAt,
    new Date(startsAt.getTime() + 2 * 3600_000),
    event.id,
  ]);
  const started = performance.now();
  let state = { job: "", pending: -1, sent: 0 };
  while (performance.now() - started < 60_000) {
    const [job] = await onNode(
      nodes[0],
      "SELECT status FROM scheduled_job WHERE kind = 'EVENT_REMINDER' AND subject_id = ?",
      [event.id],
    );
    const [d] = await onNode(
      nodes[0],
      "SELECT SUM(status <> 'SENT') AS pending, SUM(status = 'SENT') AS sent FROM notification_delivery",
    );
    state = { job: String(job?.status ?? "none"), pending: Number(d.pending ?? 0), sent: Number(d.sent ?? 0) };
    if (state.job === "DONE" && state.pending === 0 && state.sent > 0) break;
    await sleep(1000);
  }
  const seconds = (performance.now() - started) / 1000;
  const [registered] = await onNode(
    nodes[2],
    "SELECT COUNT(*) AS n FROM event_registration WHERE event_id = ? AND status = 'REGISTERED'",
    [event.id],
  );
  const [reminders] = await onNode(
    nodes[2],
    "SELECT COUNT(*) AS n, COUNT(DISTINCT recipient_user_id) AS people FROM notification WHERE kind = 'EVENT_TOMORROW'",
  );
  const [jobs] = await onNode(
    nodes[1],
    "SELECT COUNT(*) AS n FROM scheduled_job WHERE kind = 'EVENT_REMINDER' AND subject_id = ?",
    [event.id],
  );
  const [deliveries] = await onNode(
    nodes[1],
    "SELECT COUNT(*) AS n, SUM(status = 'SENT') AS sent, SUM(attempts) AS attempts FROM notification_delivery",
  );
  // Each SMS sent is one line in its process's inbox file (SMS_PROVIDER=inbox); a row is SENT only after its send returned.
  const logged = readdirSync(cluster.dir)
    .filter((f) => /^sms-api\d+\.jsonl$/.test(f))
    .map((f) => readFileSync(join(cluster.dir, f), "utf8").split("\n").filter(Boolean).length)
    .reduce((sum, n) => sum + n, 0);
  const ok =
    Number(jobs.n) === 1 &&
    Number(reminders.n) === Number(registered.n) &&
    Number(reminders.people) === Number(registered.n) &&
    Number(deliveries.sent) === Number(deliveries.n) &&
    logged === Number(deliveries.n);
  row(
    "outbox and reminders with 3 processes working",
    `${seconds.toFixed(0)} s; 1 reminder job (${jobs.n} rows, ${state.job}); EVENT_TOMORROW to ${reminders.people} of ${registered.n} registered (${reminders.n} notifications); ${deliveries.sent}/${deliveries.n} SMS deliveries SENT, ${deliveries.attempts} claims, ${logged} messages in the SMS inboxes`,
    ok,
  );
}

async function waitFor(condition: () => Promise<boolean>, ms: number, everyMs = 100): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < ms) {
    if (await condition()) return performance.now() - started;
    await sleep(everyMs);
  }
  return null;
}

const isolate = async (node: DbNode, on: boolean) => {
  const conn = await node.connect();
  try {
    await conn.query(`SET GLOBAL wsrep_provider_options = 'gmcast.isolate=${on ? 1 : 0}'`);
  } finally {
    await conn.end();
  }
};

/** node3 cut off from the others (gmcast.isolate): non-primary, it refuses work, HAProxy drops it, the API goes on. */
async function nonPrimaryNode(cluster: Cluster, set: Stage, node: DbNode, publicUrl: string) {
  const cohort = await set.cohort(100, "节点离群");
  const people = await set.trainees(10);
  await isolate(node, true);
  const nonPrimaryMs = await waitFor(async () => (await node.state())?.status === "non-Primary", 30_000);
  const downMs = await waitFor(
    async () => (await cluster.haproxy.serverStates("galera_writer"))[node.name]?.startsWith("DOWN") ?? false,
    10_000,
  );
  const refused = await onNode(node, "UPDATE cohort SET title = title WHERE id = ?", [cohort.id]).then(
    () => "accepted",
    (err: { code?: string; errno?: number }) => `${err.code} (${err.errno})`,
  );
  const answers = await Promise.all(
    people.map((p, i) => mutate(publicUrl, publicUrl, ENROLL, { input: { cohortId: cohort.gid } }, p.token, `np-${i}`)),
  );
  const served = answers.filter((a) => a.final.status === 200 && a.final.body?.data?.enroll?.enrollment).length;
  await isolate(node, false);
  const backMs = await waitFor(async () => {
    const s = await node.state();
    return Boolean(s && s.status === "Primary" && s.state === 4 && s.size === 3);
  }, 60_000);
  const upMs = await waitFor(
    async () => (await cluster.haproxy.serverStates("galera_writer"))[node.name] === "UP",
    10_000,
  );
  row(
    "node3 isolated: non-primary component, refuses work, HAProxy stops sending to it",
    `non-Primary after ${((nonPrimaryMs ?? NaN) / 1000).toFixed(1)} s; HAProxy DOWN ${downMs === null ? "never" : "at once"}; a write on node3: ${refused}; through HAProxy meanwhile ${served}/10 enrolls served; back Synced in ${((backMs ?? NaN) / 1000).toFixed(1)} s and UP again ${upMs === null ? "never" : "after " + (upMs / 1000).toFixed(1) + " s"}`,
    nonPrimaryMs !== null &&
      downMs !== null &&
      refused !== "accepted" &&
      served === 10 &&
      backMs !== null &&
      upMs !== null,
  );
}

/** node1 and node2 cut off: the survivor node3 alone is non-primary; writes are refused cleanly, nothing half-applied. */
async function split(
  cluster: Cluster,
  set: Stage,
  cut: DbNode[],
  survivor: DbNode,
  api: (i: number) => string,
  publicUrl: string,
) {
  const cohort = await set.cohort(100, "分裂");
  const [p] = await set.trainees(1);
  for (const n of cut) await isolate(n, true);
  await waitFor(async () => (await survivor.state())?.status === "non-Primary", 30_000);
  await waitFor(
    async () => Object.values(await cluster.haproxy.serverStates("galera_writer")).every((s) => s.startsWith("DOWN")),
    10_000,
  );
  const vars = { input: { cohortId: cohort.gid } };
  const direct = await post(api(0), ENROLL, vars, p.token, "split-1");
  const viaProxy = await post(publicUrl, ENROLL, vars, p.token, "split-1");
  const ready = await fetch(`${api(0)}/readyz`).then(
    (r) => r.status,
    () => 0,
  );
  for (const n of cut) await isolate(n, false);
  const healedMs = await waitFor(async () => {
    const states = await Promise.all(cluster.nodes.map((n) => n.state()));
    return states.every((s) => s && s.status === "Primary" && s.state === 4 && s.size === 3);
  }, 60_000);
  await waitFor(
    async () => Object.values(await cluster.haproxy.serverStates("galera_writer")).every((s) => s === "UP"),
    10_000,
  );
  const [{ n: during }] = await onNode(survivor, "SELECT COUNT(*) AS n FROM enrollment WHERE cohort_id = ?", [
    cohort.id,
  ]);
  const retry = await mutate(api(0), publicUrl, ENROLL, vars, p.token, "split-1");
  const [{ n: after }] = await onNode(survivor, "SELECT COUNT(*) AS n FROM enrollment WHERE cohort_id = ?", [
    cohort.id,
  ]);
  row(
    "node1 and node2 cut off: node3 alone refuses writes",
    `API process answers HTTP ${direct.status} ${codesOf(direct).join(",")}, HAProxy's public address HTTP ${viaProxy.status}, /readyz ${ready}; rows written meanwhile ${during}; healed in ${((healedMs ?? NaN) / 1000).toFixed(1)} s, the retry with the same key: ${retry.final.body?.data?.enroll?.enrollment?.status ?? retry.final.status}, rows ${after}`,
    direct.status === 503 &&
      codesOf(direct).includes("TEMPORARILY_UNAVAILABLE") &&
      Number(during) === 0 &&
      healedMs !== null &&
      Number(after) === 1,
  );
}

/** Redis stopped: login throttling falls back to counting in each process, and nothing fails. */
async function redisDown(cluster: Cluster, set: Stage, api: (i: number) => string) {
  const [p] = await set.trainees(1);
  cluster.redis!.kill("SIGKILL");
  await sleep(500);
  const wrong = { input: { phone: p.phone, password: "not-the-password" } };
  const codes: string[] = [];
  let fivexx = 0;
  for (let i = 0; i < 6; i++) {
    const a = await post(api(0), LOGIN, wrong);
    if (a.status >= 500) fivexx++;
    codes.push(a.body?.data?.login?.userErrors?.[0]?.code ?? codesOf(a)[0] ?? String(a.status));
  }
  const other = await post(api(1), LOGIN, wrong);
  if (other.status >= 500) fivexx++;
  const otherCode = other.body?.data?.login?.userErrors?.[0]?.code ?? String(other.status);
  await cluster.restartRedis();
  row(
    "Redis stopped: login throttling counts per process (README), no request fails",
    `api1, 6 wrong passwords: ${codes.join(" ")}; the same phone on api2: ${otherCode}; ${fivexx} answers 5xx; Redis back, counters shared again`,
    fivexx === 0 && codes[5] === "TOO_MANY_ATTEMPTS" && otherCode !== "TOO_MANY_ATTEMPTS",
  );
}

// ---------------------------------------------------------------- throughput

function figure(label: string, r: LoadResult): string {
  const failure = r.firstFailure ? ` ${r.firstFailure.replace(/\s+/g, " ").slice(0, 90)}` : "";
  return `| ${label.padEnd(42)} | ${r.rps.toFixed(0).padStart(5)} | ${String(Math.round(r.p50)).padStart(4)} | ${String(Math.round(r.p99)).padStart(6)} | ${String(r.failures).padStart(4)}${failure} |`;
}

/** Reads (`me` with enrollments) and writes (enroll, a trainee per request), 1/2/3 API processes, and one plain MariaDB. */
async function measure(
  cluster: Cluster,
  publicUrl: string,
  keepSingle: (s: { node: DbNode; stop: () => Promise<void> }) => void,
) {
  const seconds = 5;
  const connections = 8;
  const lines = [
    `throughput over loopback, ${seconds} s each, ${connections} connections, 2 shared cores (the shape, not a record)`,
    `| ${"setup".padEnd(42)} | req/s |  p50 | p99 ms | fail |`,
    `|${"-".repeat(44)}|-------|------|--------|------|`,
  ];
  const run = async (label: string, url: string, db: Stage) => {
    const cohort = await db.cohort(100_000, "压测");
    const [reader] = await db.trainees(1);
    const writers = await db.trainees(1500);
    let next = 0;
    const read = await drive(
      url,
      { body: JSON.stringify({ query: MINE }), token: reader.token, check: noErrors },
      { durationSeconds: seconds, connections },
    );
    const write = await drive(
      url,
      {
        body: JSON.stringify({ query: ENROLL, variables: { input: { cohortId: cohort.gid } } }),
        token: () => writers[Math.min(next++, writers.length - 1)].token,
        check: (body) => noErrors(body) ?? (body.includes('"userErrors":[]') ? null : body.slice(0, 200)),
      },
      { durationSeconds: seconds, connections, maxRequests: writers.length },
    );
    lines.push(figure(`${label}: read (me)`, read), figure(`${label}: write (enroll)`, write));
    console.log(lines.slice(-2).join("\n"));
  };
  const log = pino({ level: "silent" });
  const clusterDs = await openDatabase(
    loadConfig({
      NODE_ENV: "production",
      DATABASE_URL: cluster.writerUrl,
      DEMO_DATA: "0",
      SMS_PROVIDER: "inbox",
      ...cluster.secrets,
    }),
    log,
  );
  try {
    const set = await stage(clusterDs, cluster.secrets.SESSION_SECRET);
    for (const count of [1, 2, 3]) {
      for (let i = 0; i < 3; i++) {
        await cluster.haproxy.command(`${i < count ? "enable" : "disable"} server api/api${i + 1}`);
      }
      await sleep(1500);
      await run(`Galera ×3, ${count} API process${count > 1 ? "es" : ""}`, publicUrl, set);
    }
  } finally {
    await clusterDs.destroy();
  }
  // One plain MariaDB with the same engine settings, one API process on it, the same requests.
  const node = await startSingle(join(cluster.dir, "single-server"), cluster.processes);
  const admin = await node.connect();
  await admin.query(`CREATE DATABASE ${DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = `mysql://root@127.0.0.1:${node.port}/${DATABASE}`;
  const server = await startBuiltServer(cluster.apiEnv(0, url), { stdout: "ignore" });
  cluster.processes.add(server.child, "api-single");
  keepSingle({ node, stop: async () => void (await server.stop()) });
  const singleDs = await openDatabase(
    loadConfig({
      NODE_ENV: "production",
      DATABASE_URL: url,
      DEMO_DATA: "0",
      SMS_PROVIDER: "inbox",
      ...cluster.secrets,
    }),
    log,
  );
  try {
    await run("one MariaDB, 1 API process", server.url, await stage(singleDs, cluster.secrets.SESSION_SECRET));
  } finally {
    await singleDs.destroy();
  }
  writeFileSync(join(cluster.dir, "throughput.txt"), lines.join("\n"));
  return lines;
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
