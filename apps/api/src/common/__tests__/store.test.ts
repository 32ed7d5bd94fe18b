import "reflect-metadata";
import { spawn, type ChildProcess } from "node:child_process";
import Redis from "ioredis";
import { freePort } from "../../testing/built-server";
import { RedisCounterStore } from "../store";

/** A Redis of this suite's own, on a kernel-assigned port, so that it can be stopped. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  );
  const probe = new Redis(port, "127.0.0.1", { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  for (let i = 0; i < 100; i++) {
    if (
      await probe.connect().then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 50));
  }
  probe.disconnect();
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  const exited = new Promise((done) => child.once("exit", done));
  child.kill("SIGKILL");
  await exited;
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
}

describe("RedisCounterStore when Redis goes away", () => {
  it("counts in the process while Redis is down and shares the counts again once it is back", async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    const url = `redis://127.0.0.1:${port}`;
    const a = new RedisCounterStore(url);
    const b = new RedisCounterStore(url);
    const status = (s: RedisCounterStore) => (s as unknown as { redis: Redis }).redis.status;
    try {
      await until(() => status(a) === "ready" && status(b) === "ready");
      await a.hit("k", 60);
      expect((await b.hit("k", 60)).count).toBe(2); // shared

      await stopRedis(redis);
      await until(() => status(a) !== "ready" && status(b) !== "ready");
      // Down: no error reaches the caller; each process counts for itself from zero.
      expect((await a.hit("k", 60)).count).toBe(1);
      expect((await a.hit("k", 60)).count).toBe(2);
      expect((await b.peek("k")).count).toBe(0);
      expect(await a.take("budget", 5, 8, 60)).toMatchObject({ granted: true, count: 5 });
      expect(await a.take("budget", 5, 8, 60)).toMatchObject({ granted: false, count: 5 });

      redis = await startRedis(port);
      await until(() => status(a) === "ready" && status(b) === "ready");
      // Back: the shared count starts anew in the fresh Redis and both processes see it.
      await a.hit("k", 60);
      expect((await b.peek("k")).count).toBe(1);
    } finally {
      await a.close();
      await b.close();
      await stopRedis(redis);
    }
  }, 30_000);
});
