import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Redis from "ioredis";
import pino from "pino";
import { loadConfig } from "../../../config";
import { openDatabase } from "../../../db/database";
import { createScratchMysql } from "../../../db/scratch";
import { BUILT_MAIN, startBuiltServer, type BuiltServer } from "../../../testing/built-server";
import { ApiKey } from "../api-key.entity";
import { secretHash } from "../api-key.service";
import { Chamber } from "../chamber.entity";

// Two Node processes start, migrate nothing (the test did) and connect to the database and Redis.
jest.setTimeout(90_000);

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const ENV = {
  NODE_ENV: "test",
  DEMO_DATA: "0",
  SESSION_SECRET: "shared-budget-session-secret-of-32-chars",
  DATA_KEY: "5c".repeat(32),
  WEB_DIST: "/nonexistent",
  REDIS_URL,
};

describe("an API key's hourly budget across two API processes on one Redis", () => {
  const servers: BuiltServer[] = [];
  const secret = `zfk_${randomBytes(32).toString("hex").slice(0, 43)}`;
  const prefix = secret.slice(0, 12);
  let dropDatabase = async () => {};

  beforeAll(async () => {
    if (!existsSync(BUILT_MAIN)) throw new Error(`${BUILT_MAIN} is missing: run npm run build:server first`);
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
    servers.push(await startBuiltServer({ ...ENV, DATABASE_URL: databaseUrl }));
    servers.push(await startBuiltServer({ ...ENV, DATABASE_URL: databaseUrl }));
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
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
