import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import pino from "pino";
import type { PhoneCodePurpose, Role } from "@zuofu/shared";
import { loadConfig, type Config } from "../config";
import { createLogger } from "../common/logger";
import { openDatabase } from "../db/database";
import { createScratchMysql } from "../db/scratch";
import { startApp, type RunningApp } from "../app";
import { hashPassword, randomToken, tokenHash } from "../common/crypto";
import { User } from "../modules/accounts/user.entity";
import { Session } from "../modules/accounts/session.entity";
import { Trainee } from "../modules/trainees/trainee.entity";

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  data: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown }; path?: string[] }[];
  extensions?: Record<string, unknown>;
}

export interface CallOptions {
  token?: string;
  lang?: string;
  headers?: Record<string, string>;
}

export interface TestUser {
  userId: number;
  traineeId: number | null;
  token: string;
  phone: string;
}

/**
 * The one integration harness (Vendure's e2e environment in small): a fresh database (a temp
 * SQLite file, or a fresh MySQL database when TEST_DATABASE_URL is set), migrations, the real
 * HTTP server on a free port, and helpers to call it.
 */
export class TestApp {
  private phoneSeq = 0;
  private constructor(
    readonly app: RunningApp,
    readonly ds: DataSource,
    readonly config: Config,
    private readonly cleanup: () => Promise<void>,
  ) {}

  static async start(env: Record<string, string> = {}, logStream?: NodeJS.WritableStream): Promise<TestApp> {
    const serverUrl = process.env.TEST_DATABASE_URL;
    let databaseUrl: string;
    let dropDatabase = async () => {};
    if (serverUrl) {
      const scratch = await createScratchMysql(serverUrl, "test");
      databaseUrl = scratch.url;
      dropDatabase = scratch.drop;
    } else {
      const dir = mkdtempSync(join(tmpdir(), "zuofu-test-"));
      databaseUrl = `sqlite:${join(dir, "test.sqlite")}`;
      dropDatabase = async () => rmSync(dir, { recursive: true, force: true });
    }
    // Each app has its own SMS inbox, which the tests read codes from as a person reads the phone.
    const inboxDir = mkdtempSync(join(tmpdir(), "zuofu-sms-"));
    const config = loadConfig({
      NODE_ENV: "test",
      SMS_INBOX: join(inboxDir, "sms-inbox.jsonl"),
      // Tests speak for many people: each may send its own address in X-Forwarded-For.
      TRUST_PROXY: "loopback",
      DATABASE_URL: databaseUrl,
      DEMO_DATA: "0",
      SESSION_SECRET: "test-session-secret-of-at-least-32-characters",
      DATA_KEY: "7a".repeat(32),
      WEB_DIST: "/nonexistent",
      ...env,
    });
    // The server's own logger (its redaction included), so a test reads the lines production would write.
    const log = logStream ? createLogger("debug", logStream) : pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
    const ds = await openDatabase(config, log);
    const app = await startApp(config, ds, log, 0);
    return new TestApp(app, ds, config, async () => {
      await app.stop();
      await dropDatabase();
      rmSync(inboxDir, { recursive: true, force: true });
    });
  }

  get url(): string {
    return this.app.url;
  }

  async close(): Promise<void> {
    await this.cleanup();
  }

  async gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    opts: CallOptions = {},
  ): Promise<GqlResponse<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.lang ? { "accept-language": opts.lang } : {}),
        ...opts.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as {
      data: T;
      errors?: GqlResponse["errors"];
      extensions?: Record<string, unknown>;
    };
    return {
      status: res.status,
      headers: res.headers,
      data: body.data,
      errors: body.errors,
      extensions: body.extensions,
    };
  }

  /** Like gql, but fails the test on any GraphQL error. */
  async ok<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    opts: CallOptions = {},
  ): Promise<T> {
    const res = await this.gql<T>(query, variables, opts);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data;
  }

  nextPhone(): string {
    this.phoneSeq += 1;
    return `139${String(Date.now() % 10000).padStart(4, "0")}${String(this.phoneSeq).padStart(4, "0")}`;
  }

  /** A signed-in user with these roles, made directly in the database (scrypt per user would be slow). */
  async user(roles: Role[], name = "测试用户", password?: string): Promise<TestUser> {
    const phone = this.nextPhone();
    const passwordHash = password ? await hashPassword(password) : "scrypt$16384$8$1$AAAA$AAAA";
    const user = await this.ds.getRepository(User).save({ name, phone, passwordHash, roles, active: true });
    let traineeId: number | null = null;
    if (roles.includes("TRAINEE")) {
      const trainee = await this.ds.getRepository(Trainee).save({ name, phone, userId: user.id });
      traineeId = trainee.id;
    }
    return { userId: user.id, traineeId, token: await this.signIn(user.id), phone };
  }

  /** A session token for an existing account (a demo account, say), made directly in the database. */
  async signIn(userId: number): Promise<string> {
    const token = randomToken();
    const now = new Date();
    await this.ds.getRepository(Session).insert({
      userId,
      tokenHash: tokenHash(this.config.sessionSecret, token),
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + 3600_000),
      revokedAt: null,
    });
    return token;
  }

  async count(entity: new () => object, where: Record<string, unknown> = {}): Promise<number> {
    return this.ds.getRepository(entity).countBy(where);
  }

  /** The texts the inbox gateway "sent", oldest first, as a person would read them on the phone. */
  smsInbox(): SmsLine[] {
    if (!existsSync(this.config.sms.inboxFile)) return [];
    return readFileSync(this.config.sms.inboxFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as SmsLine);
  }

  /** The newest code the phone received for the purpose, or null. */
  lastCode(phone: string, purpose: PhoneCodePurpose): string | null {
    const line = this.smsInbox()
      .reverse()
      .find((m) => m.to === phone && m.purpose === purpose && m.code);
    return line?.code ?? null;
  }

  /**
   * Asks for a code as a person would, from an address of its own (X-Forwarded-For, which the test
   * app believes from loopback), and answers the code the phone received.
   */
  async phoneCode(phone: string, purpose: PhoneCodePurpose, opts: CallOptions = {}): Promise<string> {
    const res = await this.ok<{ requestPhoneCode: { userErrors: { code: string }[] } }>(
      `mutation($i: RequestPhoneCodeInput!) { requestPhoneCode(input: $i) { userErrors { code } } }`,
      { i: { phone, purpose } },
      { ...opts, headers: { "x-forwarded-for": this.nextAddress(), ...opts.headers } },
    );
    if (res.requestPhoneCode.userErrors.length)
      throw new Error(`requestPhoneCode: ${JSON.stringify(res.requestPhoneCode.userErrors)}`);
    const code = this.lastCode(phone, purpose);
    if (!code) throw new Error(`no ${purpose} code reached ${phone}`);
    return code;
  }

  /** Registers a trainee through the API with a real phone code; answers the payload. */
  async register(
    input: { name: string; phone: string; password: string; [k: string]: unknown },
    opts: CallOptions = {},
  ) {
    const phoneCode = await this.phoneCode(input.phone, "REGISTER");
    const res = await this.ok<{
      registerTrainee: {
        token: string | null;
        user: { id: string } | null;
        userErrors: { code: string; field: string[] }[];
      };
    }>(
      `mutation($i: RegisterTraineeInput!) { registerTrainee(input: $i) { token user { id } userErrors { code field } } }`,
      { i: { phoneCode, ...input } },
      { ...opts, headers: { "x-forwarded-for": this.nextAddress(), ...opts.headers } },
    );
    return res.registerTrainee;
  }

  private addressSeq = 0;
  /** A documentation-range address (TEST-NET-2) of its own for each call. */
  nextAddress(): string {
    this.addressSeq += 1;
    return `198.51.${Math.floor(this.addressSeq / 250) % 250}.${(this.addressSeq % 250) + 1}`;
  }
}

export interface SmsLine {
  to: string;
  purpose: string;
  text: string;
  code: string | null;
  at: string;
}
