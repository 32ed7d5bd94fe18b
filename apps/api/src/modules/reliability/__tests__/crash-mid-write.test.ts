import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { randomToken, tokenHash } from "../../../common/crypto";
import { BUILT_MAIN, startBuiltServer, type BuiltServer } from "../../../testing/built-server";

const SESSION_SECRET = "crash-test-session-secret-of-32-characters!";
const IMPORT = `mutation($i: ImportTrainingInput!) { importTraining(input: $i) { rowCount userErrors { code } } }`;
const ROWS = 1500;

/** One cohort of ROWS trainees who completed it: courses, cohorts, trainees, enrollments and certificates to write. */
function cohortFile(): string {
  const header = ["课程", "期数", "开始日期", "结束日期", "姓名", "手机号", "状态"];
  const lines = Array.from({ length: ROWS }, (_, i) => [
    "民营企业家经营管理研修班",
    "7",
    "2019-04-10",
    "2019-04-12",
    `学员${i}`,
    `1390230${String(i).padStart(4, "0")}`,
    "结业",
  ]);
  return Buffer.from([header, ...lines].map((l) => l.join(",")).join("\r\n")).toString("base64");
}

function startServer(file: string): Promise<BuiltServer> {
  return startBuiltServer({
    DATABASE_URL: `sqlite:${file}`,
    DEMO_DATA: "0",
    NODE_ENV: "development",
    LOG_LEVEL: "warn",
    SESSION_SECRET,
    DATA_KEY: "5c".repeat(32),
  });
}

/** A staff session made directly in the file, as the test harness does. */
function staffToken(file: string): string {
  const db = new Database(file);
  try {
    const now = new Date().toISOString().replace("T", " ").slice(0, 19);
    const user = db
      .prepare(`INSERT INTO user (name, phone, password_hash, roles, active) VALUES (?, ?, ?, ?, 1)`)
      .run("教务老师", "13800009999", "scrypt$16384$8$1$AAAA$AAAA", "STAFF");
    const token = randomToken();
    db.prepare(
      `INSERT INTO session (user_id, token_hash, last_used_at, expires_at) VALUES (?, ?, ?, datetime('now', '+1 hour'))`,
    ).run(user.lastInsertRowid, tokenHash(SESSION_SECRET, token), now);
    return token;
  } finally {
    db.close();
  }
}

function counts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      cohorts: n(`SELECT COUNT(*) AS n FROM cohort`),
      trainees: n(`SELECT COUNT(*) AS n FROM trainee`),
      enrollments: n(`SELECT COUNT(*) AS n FROM enrollment`),
      certificates: n(`SELECT COUNT(*) AS n FROM certificate`),
      audits: n(`SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'training.import'`),
    };
  } finally {
    db.close();
  }
}

describe("crash mid-write: an import killed with SIGKILL at random points (the built server, SQLite)", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  async function importOnce(killAfterMs: number | null) {
    const dir = mkdtempSync(join(tmpdir(), "zuofu-crash-"));
    dirs.push(dir);
    const file = join(dir, "zuofu.sqlite");
    const server = await startServer(file);
    const token = staffToken(file);
    const answer = fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: IMPORT, variables: { i: { fileName: "第7期.csv", contentBase64: cohortFile() } } }),
    }).then(
      (res) => res.json() as Promise<{ data?: { importTraining: { rowCount: number } } }>,
      () => null,
    );
    const started = performance.now();
    if (killAfterMs !== null) setTimeout(() => server.child.kill("SIGKILL"), killAfterMs);
    const body = await answer;
    const ms = performance.now() - started;
    await server.stop(killAfterMs === null ? "SIGTERM" : "SIGKILL");
    // The next start recovers the file (SQLite's journal) the way production would.
    await (await startServer(file)).stop();
    return { body, ms, rows: counts(file) };
  }

  it("leaves the rows as before the import or as after it, never between", async () => {
    if (!existsSync(BUILT_MAIN)) throw new Error("build the API first: npx tsc -b packages/shared apps/api");
    const full = await importOnce(null);
    expect(full.body?.data?.importTraining.rowCount).toBe(ROWS);
    const after = full.rows;
    expect(after).toEqual({ cohorts: 1, trainees: ROWS, enrollments: ROWS, certificates: ROWS, audits: 1 });
    const before = { cohorts: 0, trainees: 0, enrollments: 0, certificates: 0, audits: 0 };

    for (let i = 0; i < 5; i++) {
      const killAfterMs = Math.floor(Math.random() * full.ms * 1.1);
      const { rows } = await importOnce(killAfterMs);
      expect([before, after]).toContainEqual(rows);
    }
  }, 180_000);
});
