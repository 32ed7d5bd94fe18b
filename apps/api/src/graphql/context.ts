import DataLoader from "dataloader";
import { GraphQLError, type GraphQLSchema } from "graphql";
import type { DataSource, EntityManager } from "typeorm";
import type { Logger } from "pino";
import { translate, type ApiKeyScope, type Locale, type Role } from "@zuofu/shared";
import type { Config } from "../config";
import type { CounterStore } from "../common/store";
import type { DataCipher } from "../common/crypto";
import type { SmsGateway } from "../modules/sms/sms.gateway";
import { codedError } from "./errors";
import type { User } from "../modules/accounts/user.entity";
import type { Trainee } from "../modules/trainees/trainee.entity";
import { isMysql } from "../db/dialect";

/** Who is calling: a signed-in user, or nobody. */
export interface Viewer {
  userId: number;
  roles: Role[];
  sessionId: number;
  traineeId: number | null;
  /** The user's and trainee's rows, read with the session (account.service.ts `primeViewer`). */
  rows?: { user: User; trainee: Trainee | null };
}

/** Who is calling with a partner chamber's API key; such a request has no `viewer`. */
export interface PartnerViewer {
  chamberId: number;
  apiKeyId: number;
  scopes: ApiKeyScope[];
  /** The key's own rate-limit bucket (its unique prefix) and hourly budget in points. */
  budget: { bucket: string; perHour: number };
  /** The chamber's member enterprises; loaded only for keys that read or recommend members. */
  memberEnterpriseIds: ReadonlySet<number>;
}

/** Process-wide parts that every request shares. */
export interface AppServices {
  config: Config;
  dataSource: DataSource;
  log: Logger;
  store: CounterStore;
  cipher: DataCipher;
  /** SQLite has one connection: its transactions must take turns in this process. */
  sqliteTurn: Mutex;
  /** Text messages (phone codes, SMS notifications) through the gateway the settings choose. */
  sms: SmsGateway;
}

export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const prev = this.tail;
    let release!: () => void;
    this.tail = new Promise((r) => (release = r));
    await prev;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

/** A query's time limit: fields stop resolving once `now()` passes `deadline` (milliseconds, monotonic). */
export interface TimeLimit {
  deadline: number;
  ms: number;
  now: () => number;
}

/** A DataLoader definition (made with loading/loader.ts); `ctx.loader(def)` gives this request's instance. */
export interface LoaderDef<K, V> {
  name: string;
  batch: (ctx: RequestContext, keys: readonly K[]) => Promise<(V | Error)[]>;
  cacheKey?: (key: K) => unknown;
}

const RETRYABLE_MYSQL = new Set(["ER_LOCK_DEADLOCK", "ER_LOCK_WAIT_TIMEOUT"]);

function isRetryable(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return Boolean(code && (RETRYABLE_MYSQL.has(code) || code === "SQLITE_BUSY"));
}

/**
 * The fields an operation selects anywhere, per object type name; an abstract type's count for each of
 * its types. Computed in loading/selection.ts, held here so that the context imports nothing of it.
 */
export type Selection = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * One per request (Vendure's RequestContext): the viewer, the language, the request's DataLoaders
 * and the entity manager, which is the transaction's inside `transaction()`.
 */
export class RequestContext {
  private loaders = new Map<LoaderDef<unknown, unknown>, DataLoader<unknown, unknown>>();
  /** Values this request's loaders hold, by cache key, for `load` to answer at once. */
  private known = new Map<LoaderDef<unknown, unknown>, Map<unknown, unknown>>();
  private caches = new Map<LoaderDef<unknown, unknown>, Map<unknown, Promise<unknown>>>();
  /** A query's selected fields (loading/selection.ts): its loaders read the columns they need. Null: whole rows. */
  selection: { schema: GraphQLSchema; fields: Selection } | null = null;
  /** Set by the limits plugin for queries; a mutation runs to its end. */
  timeLimit: TimeLimit | null = null;

  constructor(
    readonly app: AppServices,
    readonly viewer: Viewer | null,
    readonly locale: Locale,
    readonly requestId: string,
    readonly ip: string,
    readonly em: EntityManager = app.dataSource.manager,
    readonly inTransaction = false,
    readonly partner: PartnerViewer | null = null,
  ) {}

  get log(): Logger {
    return this.app.log;
  }

  loader<K, V>(def: LoaderDef<K, V>): DataLoader<K, V | null> {
    let loader = this.loaders.get(def as LoaderDef<unknown, unknown>);
    if (!loader) {
      const known = this.knownOf(def);
      const keyOf = def.cacheKey ?? ((k: K) => k);
      loader = new DataLoader<unknown, unknown>(
        async (keys) => {
          const values = await def.batch(this, keys as readonly K[]);
          values.forEach((v, i) => {
            if (!(v instanceof Error)) known.set(keyOf(keys[i] as K), v);
          });
          return values as unknown[];
        },
        {
          cacheKeyFn: def.cacheKey as ((k: unknown) => unknown) | undefined,
          cacheMap: this.cacheOf(def),
          maxBatchSize: 1000,
        },
      );
      this.loaders.set(def as LoaderDef<unknown, unknown>, loader);
    }
    return loader as DataLoader<K, V | null>;
  }

  /**
   * The value for `key`: at once when this request already has it (primed, or loaded before),
   * else through the loader. graphql-js completes an object it gets at once without a promise;
   * Q1's 2,000 trainees and enterprises, primed by the page statement, need none.
   */
  load<K, V>(def: LoaderDef<K, V>, key: K): V | null | Promise<V | null> {
    const known = this.known.get(def as LoaderDef<unknown, unknown>);
    const cacheKey = def.cacheKey ? def.cacheKey(key) : key;
    if (known?.has(cacheKey)) return known.get(cacheKey) as V | null;
    return this.loader(def).load(key);
  }

  /** Hands the loader a value read some other way (a page statement's joined row), unless it holds or is loading one. */
  prime<K, V>(def: LoaderDef<K, V>, key: K, value: V | null): void {
    const cacheKey = def.cacheKey ? def.cacheKey(key) : key;
    if (this.cacheOf(def).has(cacheKey)) return;
    this.loader(def).prime(key, value);
    this.knownOf(def).set(cacheKey, value);
  }

  /** The DataLoader's own cache (answers and loads in flight), kept here to tell whether it holds a key. */
  private cacheOf(def: LoaderDef<never, unknown>): Map<unknown, Promise<unknown>> {
    let cache = this.caches.get(def as LoaderDef<unknown, unknown>);
    if (!cache) this.caches.set(def as LoaderDef<unknown, unknown>, (cache = new Map()));
    return cache;
  }

  private knownOf(def: LoaderDef<never, unknown>): Map<unknown, unknown> {
    let known = this.known.get(def as LoaderDef<unknown, unknown>);
    if (!known) this.known.set(def as LoaderDef<unknown, unknown>, (known = new Map()));
    return known;
  }

  /**
   * Runs `fn` in one short transaction; deadlocks and lock waits are retried here and never reach
   * the client. State changes and their audit entries go through `tx.em`.
   */
  async transaction<T>(fn: (tx: RequestContext) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    const run = () =>
      this.app.dataSource.transaction(async (em) => {
        const tx = new RequestContext(
          this.app,
          this.viewer,
          this.locale,
          this.requestId,
          this.ip,
          em,
          true,
          this.partner,
        );
        return fn(tx);
      });
    for (let attempt = 1; ; attempt++) {
      try {
        const result = isMysql(this.app.dataSource) ? await run() : await this.app.sqliteTurn.run(run);
        // Rows read before the change may be stale now.
        this.loaders.clear();
        this.known.clear();
        this.caches.clear();
        return result;
      } catch (err) {
        if (attempt >= 6 || !isRetryable(err)) throw err;
        await new Promise((r) => setTimeout(r, 5 * 2 ** attempt + Math.random() * 20));
      }
    }
  }

  /** Past the query's time limit: REQUEST_TIMEOUT. Every field that runs code asks first (loading/fields.ts). */
  checkTimeLimit(): void {
    const limit = this.timeLimit;
    if (limit && limit.now() > limit.deadline) {
      throw new GraphQLError(translate("REQUEST_TIMEOUT", this.locale, { seconds: limit.ms / 1000 }), {
        extensions: { code: "REQUEST_TIMEOUT", timeoutMs: limit.ms },
      });
    }
  }

  hasRole(...roles: Role[]): boolean {
    return Boolean(this.viewer && roles.some((r) => this.viewer!.roles.includes(r)));
  }

  /** The signed-in user, or an UNAUTHENTICATED error (FORBIDDEN for an API key: it is signed in, as a partner). */
  requireViewer(): Viewer {
    if (!this.viewer) throw codedError(this.partner ? "FORBIDDEN" : "UNAUTHENTICATED", this.locale);
    return this.viewer;
  }

  /** A user with one of `roles` (ADMIN always qualifies), or UNAUTHENTICATED / FORBIDDEN. */
  requireRole(...roles: Role[]): Viewer {
    const viewer = this.requireViewer();
    if (!this.hasRole("ADMIN", ...roles)) throw codedError("FORBIDDEN", this.locale);
    return viewer;
  }

  /** MEMBERS_READ includes what PUBLIC_READ allows, as GitHub's `repo` includes `public_repo`. */
  hasScope(scope: ApiKeyScope): boolean {
    const scopes = this.partner?.scopes ?? [];
    return scopes.includes(scope) || (scope === "PUBLIC_READ" && scopes.includes("MEMBERS_READ"));
  }

  /** For an API key without `scope`: FORBIDDEN, naming the scope. Users pass; their roles decide. */
  requireScope(scope: ApiKeyScope): void {
    if (this.partner && !this.hasScope(scope)) {
      throw new GraphQLError(translate("SCOPE_REQUIRED", this.locale, { scope }), {
        extensions: { code: "FORBIDDEN", requiredScope: scope },
      });
    }
  }

  /** True when an API key with MEMBERS_READ calls and the enterprise is a member of its chamber. */
  readsMember(enterpriseId: number | null | undefined): boolean {
    return Boolean(
      enterpriseId && this.hasScope("MEMBERS_READ") && this.partner!.memberEnterpriseIds.has(enterpriseId),
    );
  }

  /**
   * The enterprises whose people an API key may read (its chamber's members; MEMBERS_READ or
   * FORBIDDEN), or null when a user calls and roles decide.
   */
  memberScope(): ReadonlySet<number> | null {
    if (!this.partner) return null;
    this.requireScope("MEMBERS_READ");
    return this.partner.memberEnterpriseIds;
  }
}
