import "reflect-metadata";
/**
 * npm run soak [-- --minutes 5 --rate 20 --mysql-url mysql://root@127.0.0.1:3306/]
 *
 * A fresh MariaDB/MySQL scratch database with the demo data, the real built server as a child
 * process on loopback, then mixed traffic at a steady rate (reads, enrollments, logins, judges'
 * scoring) for a set time. Reports errors (anything but expected userErrors), p99 latency per
 * minute and the server's resident memory at the start and the end. Bounded in time, in request
 * count and in requests in flight; the scratch database is dropped at the end.
 */
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { DEMO_PASSWORD } from "../apps/api/src/demo/context";
import { benchSecrets, createEnrollFixture, prepareDatabase, signedIn } from "./bench/bench-database";
import { startServer } from "./bench/server-process";

/** Share of each kind of request, in percent. */
const MIX = { read: 50, enroll: 20, login: 15, score: 15 } as const;
type Kind = keyof typeof MIX;
/** More requests in flight than this means the server has fallen behind: the soak stops sending, it does not pile up. */
const MAX_IN_FLIGHT = 64;
const TIMEOUT_MS = 30_000;

const READS = [
  `query { cohorts(first: 20) { totalCount edges { node { id number title capacity seatsTaken status } } } }`,
  `query { statistics { cohorts traineeAttendances uniqueTrainees salons lectures commendations partnerChambers } }`,
  `query { events(first: 20) { totalCount edges { node { id } } } }`,
  `query { honorRoll(first: 20) { totalCount edges { node { id } } } }`,
];
const ENROLL = `mutation($i: EnrollInput!) { enroll(input: $i) { enrollment { id status } userErrors { code } } }`;
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { token userErrors { code } } }`;
const SCORE = `mutation($i: SubmitScoresInput!) { submitScores(input: $i) { assignment { id complete } userErrors { code } } }`;
const ASSIGNMENTS = `query { myAwardAssignments(first: 100) { edges { node { nomination { id } cycle { phase criteria { id } } } } } }`;

interface Assignment {
  nomination: { id: string } | null;
  cycle: { phase: string; criteria: { id: string }[] };
}

interface Answer {
  data?: Record<string, { userErrors?: { code: string }[]; edges?: { node: Assignment }[] } | null>;
  errors?: { message: string }[];
}

interface Options {
  minutes: number;
  rate: number;
  mysqlUrl: string;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      minutes: { type: "string", default: "5" },
      rate: { type: "string", default: "20" },
      "mysql-url": { type: "string", default: process.env.TEST_DATABASE_URL || "mysql://root@127.0.0.1:3306/" },
    },
  });
  const minutes = Number(values.minutes);
  const rate = Number(values.rate);
  if (!(minutes > 0 && minutes <= 60)) throw new Error("--minutes: a number from 0 to 60");
  if (!(Number.isInteger(rate) && rate >= 1 && rate <= 500)) throw new Error("--rate: requests per second, 1 to 500");
  const host = new URL(values["mysql-url"]).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error("--mysql-url: loopback only");
  return { minutes, rate, mysqlUrl: values["mysql-url"] };
}

function rssMiB(pid: number): number {
  if (!existsSync(`/proc/${pid}`)) throw new Error("the server process is gone (see its log)");
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Math.round(Number(line?.replace(/\D+/g, "") ?? 0) / 102.4) / 10;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
}

/** The kind of the n-th request: the mix, spread evenly over every 100 requests. */
function kindAt(n: number): Kind {
  let slot = (n * 37) % 100;
  for (const [kind, share] of Object.entries(MIX) as [Kind, number][]) {
    if (slot < share) return kind;
    slot -= share;
  }
  return "read";
}

async function main() {
  const opts = options();
  const log = pino({ level: "warn" });
  const total = Math.round(opts.minutes * 60 * opts.rate);
  const secrets = benchSecrets();
  console.log(`preparing a MariaDB/MySQL scratch database with the demo data …`);
  const db = await prepareDatabase("mysql", 1, secrets, opts.mysqlUrl, log);
  const logFile = join(tmpdir(), `zuofu-soak-${Date.now()}.log`);
  const server = await startServer(
    "api",
    { DATABASE_URL: db.url, DEMO_DATA: "0", LOG_LEVEL: "warn", ...secrets },
    { logFile },
  );
  console.log(`server log (warnings and errors): ${logFile}`);
  try {
    const fixture = await createEnrollFixture(db, Math.ceil((total * MIX.enroll) / 100) + 10);
    const judgeToken = await signedIn(db, "13800000003");
    const call = async (query: string, variables: Record<string, unknown>, token?: string, key?: string) => {
      const res = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(key ? { "idempotency-key": key } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      return { status: res.status, body: (await res.json()) as Answer };
    };
    const assignments = ((await call(ASSIGNMENTS, {}, judgeToken)).body.data?.myAwardAssignments?.edges ?? [])
      .map((e) => e.node)
      .filter((n) => n.nomination && n.cycle.phase === "JUDGING");
    if (!assignments.length) throw new Error("the demo data has no judging cycle with assignments for the demo judge");

    let sent = 0;
    let enrolls = 0;
    const requests: Record<Kind, () => [string, Record<string, unknown>, string?, string?]> = {
      read: () => [READS[sent % READS.length], {}],
      enroll: () => [ENROLL, { i: { cohortId: fixture.cohortGlobalId } }, fixture.tokens[enrolls++], randomUUID()],
      login: () => [LOGIN, { i: { phone: "13800000004", password: DEMO_PASSWORD } }],
      score: () => {
        const a = assignments[sent % assignments.length];
        const scores = a.cycle.criteria.map((c, i) => ({ criterionId: c.id, score: (sent + i) % 11 }));
        return [SCORE, { i: { nominationId: a.nomination!.id, scores } }, judgeToken];
      },
    };

    const minutes: number[][] = [];
    const latencyByKind: Record<Kind, number[]> = { read: [], enroll: [], login: [], score: [] };
    const errors: string[] = [];
    const userErrors = new Map<string, number>();
    const byKind: Record<Kind, number> = { read: 0, enroll: 0, login: 0, score: 0 };
    let inFlight = 0;
    let skipped = 0;
    const rssStart = rssMiB(server.pid);
    const rssByMinute: number[] = [];
    const started = performance.now();
    console.log(`soak: ${opts.rate} req/s for ${opts.minutes} min (${total} requests), server RSS ${rssStart} MiB`);

    await new Promise<void>((done) => {
      const send = (n: number) => {
        const kind = kindAt(n);
        const [query, variables, token, key] = requests[kind]();
        byKind[kind]++;
        inFlight++;
        const t0 = performance.now();
        call(query, variables, token, key)
          .then(({ status, body }) => {
            const minute = Math.min(Math.ceil(opts.minutes) - 1, Math.floor((t0 - started) / 60_000));
            (minutes[minute] ??= []).push(performance.now() - t0);
            latencyByKind[kind].push(performance.now() - t0);
            if (status !== 200 || body.errors?.length) {
              errors.push(`${kind}: HTTP ${status} ${body.errors?.map((e) => e.message).join("; ") ?? ""}`);
              return;
            }
            for (const payload of Object.values(body.data ?? {})) {
              for (const e of payload?.userErrors ?? []) userErrors.set(e.code, (userErrors.get(e.code) ?? 0) + 1);
            }
          })
          .catch((err: Error) => errors.push(`${kind}: ${err.message}`))
          .finally(() => {
            inFlight--;
            if (sent >= total && inFlight === 0) done();
          });
      };
      // A steady, open-loop rate: each request leaves at its own time, whatever the answers before it did.
      const timer = setInterval(() => {
        const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * opts.rate));
        while (sent < due) {
          if (inFlight >= MAX_IN_FLIGHT) skipped++;
          else send(sent);
          sent++;
        }
        const minute = Math.floor((performance.now() - started) / 60_000);
        if (rssByMinute.length < minute) rssByMinute.push(rssMiB(server.pid));
        if (sent >= total) {
          clearInterval(timer);
          if (inFlight === 0) done();
        }
      }, 5);
    });

    const rssEnd = rssMiB(server.pid);
    const seconds = (performance.now() - started) / 1000;
    console.log(`\n${sent - skipped} requests in ${seconds.toFixed(1)} s (${JSON.stringify(byKind)})`);
    console.log(`not sent (server behind, over ${MAX_IN_FLIGHT} in flight): ${skipped}`);
    console.log(`errors: ${errors.length}`);
    for (const e of [...new Set(errors)].slice(0, 10)) console.log(`  ${e}`);
    console.log(`expected userErrors: ${JSON.stringify(Object.fromEntries(userErrors))}`);
    console.log("minute  requests  p50 ms  p99 ms  max ms");
    minutes.forEach((samples, i) => {
      const sorted = [...samples].sort((a, b) => a - b);
      const f = (v: number) => v.toFixed(1).padStart(7);
      console.log(
        `${String(i + 1).padStart(6)}  ${String(sorted.length).padStart(8)} ${f(percentile(sorted, 50))} ${f(percentile(sorted, 99))} ${f(sorted.at(-1) ?? 0)}`,
      );
    });
    for (const [kind, samples] of Object.entries(latencyByKind)) {
      const sorted = [...samples].sort((a, b) => a - b);
      console.log(`${kind}: p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`);
    }
    console.log(`server RSS: start ${rssStart} MiB, per minute ${rssByMinute.join(", ")} MiB, end ${rssEnd} MiB`);
    process.exitCode = errors.length || skipped ? 1 : 0;
  } finally {
    await server.stop();
    await db.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
