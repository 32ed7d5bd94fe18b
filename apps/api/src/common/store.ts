import Redis from "ioredis";
import type { Logger } from "pino";

/**
 * Short-lived shared counters (login throttling, rate limits). In one process they live in memory;
 * with REDIS_URL every API process sees the same numbers.
 */
export interface CounterStore {
  /** Adds one to `key`, starting a window of `ttlSeconds` on the first hit; answers the new count and seconds left. */
  hit(key: string, ttlSeconds: number, by?: number): Promise<{ count: number; resetsIn: number }>;
  peek(key: string): Promise<{ count: number; resetsIn: number }>;
  /**
   * Adds `amount` to `key` only if the total stays within `limit`, in one atomic step (also across
   * processes on Redis); a refused amount is not added. The window starts with the first amount.
   */
  take(key: string, amount: number, limit: number, ttlSeconds: number): Promise<TakeResult>;
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

export interface TakeResult {
  granted: boolean;
  /** The total after this step (unchanged when refused). */
  count: number;
  /** Seconds until the window ends; 0 when no window is open. */
  resetsIn: number;
}

export class MemoryCounterStore implements CounterStore {
  private readonly entries = new Map<string, { count: number; expires: number }>();

  private live(key: string) {
    const entry = this.entries.get(key);
    if (entry && entry.expires <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
  async hit(key: string, ttlSeconds: number, by = 1) {
    let entry = this.live(key);
    if (!entry) {
      entry = { count: 0, expires: Date.now() + ttlSeconds * 1000 };
      this.entries.set(key, entry);
    }
    entry.count += by;
    return { count: entry.count, resetsIn: Math.ceil((entry.expires - Date.now()) / 1000) };
  }
  async peek(key: string) {
    const entry = this.live(key);
    return entry
      ? { count: entry.count, resetsIn: Math.ceil((entry.expires - Date.now()) / 1000) }
      : { count: 0, resetsIn: 0 };
  }
  async take(key: string, amount: number, limit: number, ttlSeconds: number): Promise<TakeResult> {
    // No await between the check and the add: concurrent requests of this process cannot interleave.
    const entry = this.live(key);
    const count = entry?.count ?? 0;
    const resetsIn = entry ? Math.ceil((entry.expires - Date.now()) / 1000) : 0;
    if (count + amount > limit) return { granted: false, count, resetsIn };
    const next = entry ?? { count: 0, expires: Date.now() + ttlSeconds * 1000 };
    next.count += amount;
    this.entries.set(key, next);
    return { granted: true, count: next.count, resetsIn: Math.ceil((next.expires - Date.now()) / 1000) };
  }
  async reset(key: string) {
    this.entries.delete(key);
  }
  async close() {
    this.entries.clear();
  }
}

/**
 * Counters in Redis, shared by every process. While Redis cannot be reached each process counts in
 * its own memory instead (the limits then hold per process) and goes back to Redis once it answers.
 */
export class RedisCounterStore implements CounterStore {
  private readonly redis: Redis;
  private readonly local = new MemoryCounterStore();
  private outage = false;

  constructor(
    url: string,
    private readonly log?: Logger,
    private readonly prefix = "zuofu:",
  ) {
    // No offline queue: while disconnected a command fails at once and the local counters answer.
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
    this.redis.on("error", () => undefined); // reported once per outage by `fallback`
    this.redis.on("ready", () => {
      if (this.outage) this.log?.info("Redis reachable again: counters are shared again");
      this.outage = false;
    });
  }

  /** Runs `shared` on Redis, or `local` in this process while Redis is down. */
  private async fallback<T>(shared: () => Promise<T>, local: () => Promise<T>): Promise<T> {
    if (this.redis.status === "ready") {
      try {
        return await shared();
      } catch (err) {
        if (this.redis.status === "ready") throw err; // Redis answered with an error: a fault, not an outage
      }
    }
    // Still connecting at start is no outage worth a warning.
    if (!this.outage && this.redis.status !== "connecting") {
      this.log?.warn("Redis unreachable: login throttling and rate limits count per process");
      this.outage = true;
    }
    return local();
  }

  async hit(key: string, ttlSeconds: number, by = 1) {
    const k = this.prefix + key;
    // INCRBY and the first EXPIRE in one round trip, atomically, so two processes never both start a window.
    return this.fallback(
      async () => {
        const [count, ttl] = (await this.redis.eval(
          "local c = redis.call('INCRBY', KEYS[1], ARGV[2]) if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end return {c, redis.call('TTL', KEYS[1])}",
          1,
          k,
          ttlSeconds,
          by,
        )) as [number, number];
        return { count, resetsIn: ttl };
      },
      () => this.local.hit(key, ttlSeconds, by),
    );
  }
  async peek(key: string) {
    const k = this.prefix + key;
    return this.fallback(
      async () => {
        const [count, ttl] = await this.redis
          .multi()
          .get(k)
          .ttl(k)
          .exec()
          .then((r) => r!.map((x) => x[1]));
        return { count: Number(count ?? 0), resetsIn: Math.max(0, Number(ttl)) };
      },
      () => this.local.peek(key),
    );
  }
  async take(key: string, amount: number, limit: number, ttlSeconds: number): Promise<TakeResult> {
    // Check and add in one script, so two processes can never both spend the last points.
    return this.fallback(
      async () => {
        const [granted, count, ttl] = (await this.redis.eval(
          "local c = tonumber(redis.call('GET', KEYS[1]) or '0') if c + tonumber(ARGV[1]) > tonumber(ARGV[2]) then return {0, c, redis.call('TTL', KEYS[1])} end c = redis.call('INCRBY', KEYS[1], ARGV[1]) if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[3]) end return {1, c, redis.call('TTL', KEYS[1])}",
          1,
          this.prefix + key,
          amount,
          limit,
          ttlSeconds,
        )) as [number, number, number];
        return { granted: granted === 1, count, resetsIn: Math.max(0, ttl) };
      },
      () => this.local.take(key, amount, limit, ttlSeconds),
    );
  }
  async reset(key: string) {
    await this.local.reset(key);
    await this.fallback(
      async () => void (await this.redis.del(this.prefix + key)),
      async () => undefined,
    );
  }
  async close() {
    if (this.redis.status === "ready") await this.redis.quit();
    else this.redis.disconnect();
  }
}

export function createCounterStore(redisUrl: string | undefined, log?: Logger): CounterStore {
  return redisUrl ? new RedisCounterStore(redisUrl, log) : new MemoryCounterStore();
}
