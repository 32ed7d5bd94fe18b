import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { StatementCounting } from "./db/query-stats";
import { parseSmsTemplates, SMS_PURPOSES, type SmsTemplate } from "./modules/sms/sms-templates";

export type DatabaseConfig =
  | { kind: "sqlite"; file: string }
  | {
      kind: "mysql";
      url: string;
      flavor?: "mysql" | "mariadb";
      /** A MariaDB Galera node (wsrep_on): every session reads causally (db/data-source.ts). */
      galera?: boolean;
    };

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  database: DatabaseConfig;
  demoData: boolean;
  sessionSecret: string;
  dataKey: Buffer;
  redisUrl?: string;
  logLevel: string;
  webDist?: string;
  /** Seconds a session token stays valid without use. */
  sessionTtlSeconds: number;
  /**
   * Which responses carry their statement count as `x-sql-statements` (db/query-stats.ts): all of
   * them outside production; in production none, or with EXPOSE_SQL_STATEMENTS=1 (the bench) those
   * whose request sends `x-sql-statements: count`.
   */
  sqlStatementCount: StatementCounting;
  /** Outgoing e-mail, e.g. `smtps://user:pass@smtp.example.com:465`; without it e-mail is only logged (masked). */
  smtpUrl?: string;
  smtpFrom: string;
  /** The notification outbox and reminder loop; off in tests, which drive it themselves. */
  backgroundJobs: boolean;
  /** Text messages: phone codes and SMS notifications. */
  sms: SmsConfig;
  /**
   * Which proxies may tell the client's address in X-Forwarded-For (Express's `trust proxy`): a hop
   * count, or addresses and subnets; by default none, so the socket's peer is the client.
   */
  trustProxy: number | string[] | false;
  /**
   * An Idempotency-Key claimed by a request that never answered (its process died) may be taken
   * over by a retry after this long; longer than any request may take.
   */
  idempotencyLeaseMs: number;
  /**
   * How GraphQL operations are executed: `compiled` (graphql-jit, one plan per document; the default)
   * or `graphql-js` (its interpreter), with GRAPHQL_EXECUTOR=graphql-js, to compare or to rule it out.
   */
  graphqlExecutor: "compiled" | "graphql-js";
}

/** `inbox` sends nothing and appends each message to a file; the gateways need their keys and templates. */
export interface SmsConfig {
  provider: "inbox" | "aliyun" | "tencent";
  /** Where the inbox gateway appends its JSON lines. */
  inboxFile: string;
  /** The cloud gateway's account and templates; set for aliyun and tencent. */
  gateway?: SmsGatewayConfig;
}

export interface SmsGatewayConfig {
  /** Aliyun's AccessKey id or Tencent's SecretId. */
  keyId: string;
  /** Aliyun's AccessKey secret or Tencent's SecretKey. */
  keySecret: string;
  /** Tencent's SmsSdkAppId (Aliyun has none). */
  appId?: string;
  /** The approved signature (短信签名) put before every message, e.g. 卢作孚民营经济学院. */
  signName: string;
  region: string;
  /** Where the SDK calls instead of its own endpoint (a private endpoint, or a test's server). */
  endpoint?: { protocol: "http" | "https"; host: string };
  /** Purpose to template; outside production a purpose without one is written to the inbox instead. */
  templates: Record<string, SmsTemplate>;
}

const DEFAULT_DB_URL = "sqlite:./data/zuofu.sqlite";

export function parseDatabaseUrl(url: string): DatabaseConfig {
  if (url.startsWith("sqlite:")) {
    const file = url.slice("sqlite:".length);
    if (!file) throw new Error("DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/zuofu.sqlite");
    return { kind: "sqlite", file: file === ":memory:" ? file : resolve(file) };
  }
  if (url.startsWith("mysql://") || url.startsWith("mariadb://")) {
    return { kind: "mysql", url: url.replace(/^mariadb:/, "mysql:") };
  }
  throw new Error("DATABASE_URL must start with sqlite: or mysql://");
}

/** Development secrets live beside the default database so that restarts keep sessions and data readable. */
function developmentSecrets(dataDir: string): { sessionSecret: string; dataKey: string } {
  const file = resolve(dataDir, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const secrets = { sessionSecret: randomBytes(32).toString("hex"), dataKey: randomBytes(32).toString("hex") };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

function seconds(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of seconds`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV === "production" ? "production" : env.NODE_ENV === "test" ? "test" : "development";
  const dbUrl = env.DATABASE_URL || DEFAULT_DB_URL;
  const database = parseDatabaseUrl(dbUrl);
  const isDefaultDb = !env.DATABASE_URL || env.DATABASE_URL === DEFAULT_DB_URL;

  let sessionSecret = env.SESSION_SECRET;
  let dataKeyHex = env.DATA_KEY;
  if (!sessionSecret || !dataKeyHex) {
    if (nodeEnv === "production") throw new Error("SESSION_SECRET and DATA_KEY are required when NODE_ENV=production");
    const dataDir =
      database.kind === "sqlite" && database.file !== ":memory:" ? dirname(database.file) : resolve("data");
    const generated = developmentSecrets(dataDir);
    sessionSecret ??= generated.sessionSecret;
    dataKeyHex ??= generated.dataKey;
  }
  if (sessionSecret.length < 32) throw new Error("SESSION_SECRET must be at least 32 characters");
  if (!/^[0-9a-fA-F]{64}$/.test(dataKeyHex)) throw new Error("DATA_KEY must be 64 hex characters (32 bytes)");

  const demo = env.DEMO_DATA;
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error("PORT must be a port number");

  return {
    env: nodeEnv,
    port,
    database,
    demoData: demo === "1" ? true : demo === "0" ? false : isDefaultDb,
    sessionSecret,
    dataKey: Buffer.from(dataKeyHex, "hex"),
    redisUrl: env.REDIS_URL || undefined,
    logLevel: env.LOG_LEVEL || (nodeEnv === "test" ? "silent" : "info"),
    webDist: env.WEB_DIST ? resolve(env.WEB_DIST) : resolve(__dirname, "../../web/dist"),
    sessionTtlSeconds: Number(env.SESSION_TTL_SECONDS ?? 30 * 24 * 3600),
    sqlStatementCount: nodeEnv !== "production" ? "always" : env.EXPOSE_SQL_STATEMENTS === "1" ? "asked" : "off",
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM || "中国（卢作孚）民营经济学院 <no-reply@zuofu.org.cn>",
    backgroundJobs: env.BACKGROUND_JOBS ? env.BACKGROUND_JOBS === "1" : nodeEnv !== "test",
    sms: parseSmsConfig(env, nodeEnv),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    idempotencyLeaseMs: seconds(env.IDEMPOTENCY_LEASE_SECONDS, 120, "IDEMPOTENCY_LEASE_SECONDS") * 1000,
    graphqlExecutor: parseExecutor(env.GRAPHQL_EXECUTOR),
  };
}

function parseExecutor(value: string | undefined): Config["graphqlExecutor"] {
  if (!value || value === "compiled") return "compiled";
  if (value === "graphql-js") return "graphql-js";
  throw new Error(`GRAPHQL_EXECUTOR must be compiled or graphql-js, not ${value}`);
}

const SMS_KEYS = {
  aliyun: { id: "SMS_ACCESS_KEY_ID", secret: "SMS_ACCESS_KEY_SECRET", region: "cn-hangzhou" },
  tencent: { id: "SMS_SECRET_ID", secret: "SMS_SECRET_KEY", region: "ap-guangzhou" },
} as const;

/**
 * SMS_PROVIDER and the gateway's SMS_* settings. A cloud gateway without its keys or signature never
 * starts; in production it also needs a template for every purpose, since a code or a notification
 * without one could not be sent.
 */
export function parseSmsConfig(env: NodeJS.ProcessEnv, nodeEnv: Config["env"]): SmsConfig {
  const provider = env.SMS_PROVIDER || (nodeEnv === "production" ? undefined : "inbox");
  if (!provider)
    throw new Error("SMS_PROVIDER is required when NODE_ENV=production: aliyun, tencent, or inbox on purpose");
  if (provider !== "inbox" && provider !== "aliyun" && provider !== "tencent")
    throw new Error("SMS_PROVIDER must be aliyun, tencent or inbox");
  const inboxFile = resolve(env.SMS_INBOX || "./data/sms-inbox.jsonl");
  if (provider === "inbox") return { provider, inboxFile };

  const keys = SMS_KEYS[provider];
  const required = [keys.id, keys.secret, "SMS_SIGN_NAME", ...(provider === "tencent" ? ["SMS_SDK_APP_ID"] : [])];
  const missing = required.filter((name) => !env[name]?.trim());
  if (missing.length) throw new Error(`SMS_PROVIDER=${provider} needs ${missing.join(", ")}`);
  const templates = parseSmsTemplates(env.SMS_TEMPLATES);
  const untemplated = SMS_PURPOSES.filter((purpose) => !templates[purpose]);
  if (nodeEnv === "production" && untemplated.length)
    throw new Error(
      `SMS_TEMPLATES has no template for ${untemplated.join(", ")}: every purpose needs one when NODE_ENV=production`,
    );
  return {
    provider,
    inboxFile,
    gateway: {
      keyId: env[keys.id]!.trim(),
      keySecret: env[keys.secret]!.trim(),
      appId: provider === "tencent" ? env.SMS_SDK_APP_ID!.trim() : undefined,
      signName: env.SMS_SIGN_NAME!.trim(),
      region: env.SMS_REGION?.trim() || keys.region,
      endpoint: parseSmsEndpoint(env.SMS_ENDPOINT),
      templates,
    },
  };
}

function parseSmsEndpoint(value: string | undefined): SmsGatewayConfig["endpoint"] {
  const text = value?.trim();
  if (!text) return undefined;
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (!url || !["http:", "https:"].includes(url.protocol) || url.pathname !== "/" || url.search || url.username)
    throw new Error("SMS_ENDPOINT must be a bare URL such as https://dysmsapi.aliyuncs.com");
  return { protocol: url.protocol === "http:" ? "http" : "https", host: url.host };
}

/** `TRUST_PROXY=1` (hops), `TRUST_PROXY=10.0.0.5,10.1.0.0/16` (addresses), or unset (trust none). */
export function parseTrustProxy(value: string | undefined): Config["trustProxy"] {
  const text = value?.trim();
  if (!text || text === "0" || text === "false") return false;
  if (/^\d+$/.test(text)) return Number(text);
  const list = text
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  const address = /^(?:[\d.]+|[0-9a-fA-F:]+)(?:\/\d{1,3})?$|^(?:loopback|linklocal|uniquelocal)$/;
  const bad = list.find((a) => !address.test(a));
  if (bad) throw new Error(`TRUST_PROXY: "${bad}" is neither a hop count nor an address or subnet`);
  return list;
}
