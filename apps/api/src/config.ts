import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { StatementCounting } from "./db/query-stats";

export type DatabaseConfig =
  { kind: "sqlite"; file: string } | { kind: "mysql"; url: string; flavor?: "mysql" | "mariadb" };

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
}

/** `inbox` sends nothing and appends each message to a file; the gateways need their keys and templates. */
export interface SmsConfig {
  provider: "inbox" | "aliyun" | "tencent";
  /** Where the inbox gateway appends its JSON lines. */
  inboxFile: string;
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

  const smsProvider = env.SMS_PROVIDER || (nodeEnv === "production" ? undefined : "inbox");
  if (!smsProvider)
    throw new Error("SMS_PROVIDER is required when NODE_ENV=production: aliyun, tencent, or inbox on purpose");
  if (!["inbox", "aliyun", "tencent"].includes(smsProvider))
    throw new Error("SMS_PROVIDER must be aliyun, tencent or inbox");

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
    sms: {
      provider: smsProvider as SmsConfig["provider"],
      inboxFile: resolve(env.SMS_INBOX || "./data/sms-inbox.jsonl"),
    },
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  };
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
