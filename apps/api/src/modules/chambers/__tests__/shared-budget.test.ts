import "reflect-metadata";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Redis from "ioredis";
import pino from "pino";
import { loadConfig } from "../../../config";
import { openDatabase } from "../../../db/database";
import { createScratchMysql } from "../../../db/scratch";
import { ApiKey } from "../api-key.entity";
import { secretHash } from "../api-key.service";
import { Chamber } from "../chamber.entity";

// Two Node processes start, migrate nothing (the test did) and connect to the database and Redis.
jest.setTimeout(90_000);

/** The built server: `npm test` builds it first (tsc, for the decorator metadata). */
const MAIN = resolve(__dirname, "../../../../dist/main.js");
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const ENV = {
  NODE_ENV: "test",
  DEMO_DATA: "0",
  SESSION_SECRET: "shared-budget-session-secret-of-32-chars",
  DATA_KEY: "5c".repeat(32),
  WEB_DIST: "/nonexistent",
  REDIS_URL,
};

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function startServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, ...ENV, DATABASE_URL: databaseUrl, PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`API process exited: ${stderr}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { url, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`API process did not become ready: ${stderr}`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

describe("an API key's hourly budget across two API processes on one Redis", () => {
  const servers: { url: string; child: ChildProcess }[] = [];
  const secret = `zfk_${randomBytes(32).toString("hex").slice(0, 43)}`;
  const prefix = secret.slice(0, 12);
  let dropDatabase = async () => {};

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build:server first`);
    let databaseUrl: string;
    if (process.env.TEST_DATABASE_URL) {
      const scratch = await createScratchMysql(process.env.TEST_DATABASE_URL, "budget");
      databaseUrl = scratch.url;
      dropDatabase = scratch.drop;
    } else {
      const dir = mkdtempSync(join(tmpdir(), "zuofu-budget-"));
      databaseUrl = `sqlite:${join(dir, "shared.sqlite")}`;
      dropDatabase = async () => rmSync(dir, { recursive: true, force: true });
    }
    // One migrated database with a chamber and a key of budget 6, written before either process starts.
    const config = loadConfig({ ...ENV, DATABASE_URL: databaseUrl });
    const ds = await openDatabase(config, pino({ level: "silent" }));
    const chamber = await ds.getRepository(Chamber).save({
      name: "重庆市安徽商会",
      regionKind: "DOMESTIC",
      city: "重庆",
      partnerSince: "2020-01-01",
      contact: null,
    });
    await ds.getRepository(ApiKey).insert({
      chamberId: chamber.id,
      label: "两个进程的测试",
      prefix,
      secretHash: secretHash(secret),
      scopes: ["PUBLIC_READ"],
      hourlyBudget: 6,
      expiresAt: new Date(Date.now() + 3600_000),
      lastUsedAt: null,
      revokedAt: null,
    });
    await ds.destroy();
    servers.push(await startServer(databaseUrl));
    servers.push(await startServer(databaseUrl));
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => stopServer(s.child)));
    const redis = new Redis(REDIS_URL);
    await redis.del(`zuofu:ratelimit:apikey:${prefix}`);
    await redis.quit();
    await dropDatabase();
  });

  const ask = (url: string) =>
    fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: "{ myChamber { name } }" }),
    });

  it("spends one budget whichever process answers, and both refuse once it is gone", async () => {
    const [a, b] = servers.map((s) => s.url);
    expect(a).not.toBe(b);
    const seen: [string, string | null, string | null][] = [];
    for (const url of [a, b, a, b, a, b]) {
      const res = await ask(url);
      const body = (await res.json()) as { data: { myChamber: { name: string } } };
      expect(body.data.myChamber.name).toBe("重庆市安徽商会");
      seen.push([url === a ? "A" : "B", res.headers.get("x-ratelimit-used"), res.headers.get("x-ratelimit-remaining")]);
    }
    expect(seen).toEqual([
      ["A", "1", "5"],
      ["B", "2", "4"],
      ["A", "3", "3"],
      ["B", "4", "2"],
      ["A", "5", "1"],
      ["B", "6", "0"],
    ]);
    for (const url of [a, b]) {
      const res = await ask(url);
      expect(res.status).toBe(429);
      const body = (await res.json()) as { errors: { extensions: { code: string; limit: number } }[] };
      expect(body.errors[0].extensions).toMatchObject({ code: "RATE_LIMITED", limit: 6 });
    }
  });
});
