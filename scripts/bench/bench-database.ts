import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import { loadConfig, type Config } from "../../apps/api/src/config";
import { randomToken, tokenHash } from "../../apps/api/src/common/crypto";
import { openDatabase } from "../../apps/api/src/db/database";
import { createScratchMysql } from "../../apps/api/src/db/scratch";
import { generateDemoData } from "../../apps/api/src/demo/demo-data";
import { inserters } from "../../apps/api/src/demo/context";
import { toGlobalId } from "../../apps/api/src/graphql/ids";
import { User } from "../../apps/api/src/modules/accounts/user.entity";
import { Session } from "../../apps/api/src/modules/accounts/session.entity";
import { Trainee } from "../../apps/api/src/modules/trainees/trainee.entity";
import { Cohort } from "../../apps/api/src/modules/training/cohort.entity";
import { Course } from "../../apps/api/src/modules/training/course.entity";

export type DatabaseKind = "sqlite" | "mysql";

/**
 * Secrets of one bench run: the servers and the rows made here must agree on them. Production
 * needs an SMS gateway named; the bench signs in by password, so the inbox (a temp file) receives nothing.
 */
export function benchSecrets(): Record<"SESSION_SECRET" | "DATA_KEY" | "SMS_PROVIDER" | "SMS_INBOX", string> {
  return {
    SESSION_SECRET: randomBytes(32).toString("hex"),
    DATA_KEY: randomBytes(32).toString("hex"),
    SMS_PROVIDER: "inbox",
    SMS_INBOX: join(tmpdir(), `zuofu-bench-sms-${process.pid}.jsonl`),
  };
}

export interface BenchDatabase {
  kind: DatabaseKind;
  scale: number;
  url: string;
  config: Config;
  /** The bench's own connection, for the M1 fixture and the checks after it. */
  ds: DataSource;
  importRows: number;
  importSeconds: number;
  drop(): Promise<void>;
}

/** A fresh database of `kind` with the schema from the migrations and the demo data at `scale`. */
export async function prepareDatabase(
  kind: DatabaseKind,
  scale: number,
  secrets: { SESSION_SECRET: string; DATA_KEY: string },
  mysqlServer: string,
  log: Logger,
): Promise<BenchDatabase> {
  let url: string;
  let dropStorage: () => Promise<void>;
  if (kind === "mysql") {
    const scratch = await createScratchMysql(mysqlServer, `bench${scale}`);
    url = scratch.url;
    dropStorage = scratch.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), "zuofu-bench-"));
    url = `sqlite:${join(dir, "bench.sqlite")}`;
    dropStorage = async () => rmSync(dir, { recursive: true, force: true });
  }
  const config = loadConfig({ NODE_ENV: "production", DATABASE_URL: url, DEMO_DATA: "0", ...secrets });
  const ds = await openDatabase(config, log);
  const started = performance.now();
  const counts = await generateDemoData(ds, config, log, { scale });
  const importSeconds = (performance.now() - started) / 1000;
  return {
    kind,
    scale,
    url,
    config,
    ds,
    importRows: Object.values(counts).reduce((a, b) => a + b, 0),
    importSeconds,
    drop: async () => {
      if (ds.isInitialized) await ds.destroy();
      await dropStorage();
    },
  };
}

export interface EnrollFixture {
  cohortId: number;
  cohortGlobalId: string;
  tokens: string[];
}

/**
 * M1's setting: one open AUTO cohort with a seat for everyone, and `count` signed-in trainees made
 * directly in the database, the way the test harness makes users (scrypt per user would take minutes).
 * The cohort starts before the demo's first one, so it never shows among Q1's newest cohorts.
 */
export async function createEnrollFixture(db: BenchDatabase, count: number): Promise<EnrollFixture> {
  const { ds, config } = db;
  const insert = inserters(ds.manager, {});
  const course = await ds.getRepository(Course).findOneOrFail({ where: {}, order: { id: "ASC" } });
  const last = await ds
    .getRepository(Cohort)
    .findOneOrFail({ where: { courseId: course.id }, order: { number: "DESC" } });
  const now = Date.now();
  const [cohortId] = await insert.insertReturningIds(
    Cohort,
    [
      {
        courseId: course.id,
        number: last.number + 1,
        title: `${course.title} 第${last.number + 1}期（压测）`,
        startsOn: "2017-01-09",
        endsOn: "2017-01-11",
        venue: "中国（卢作孚）民营经济学院报告厅",
        capacity: count,
        seatsTaken: 0,
        admission: "AUTO",
        status: "OPEN",
        enrollmentOpensAt: new Date(now - 86_400_000),
        enrollmentClosesAt: new Date(now + 30 * 86_400_000),
        completionThreshold: 80,
      },
    ],
    "title",
  );
  const phones = Array.from({ length: count }, (_, i) => `171${String(i).padStart(8, "0")}`);
  const userIds = await insert.insertReturningIds(
    User,
    phones.map((phone, i) => ({
      name: `压测学员${i + 1}`,
      phone,
      passwordHash: "scrypt$16384$8$1$AAAA$AAAA",
      roles: ["TRAINEE" as const],
      active: true,
    })),
    "phone",
  );
  await insert.insert(
    Trainee,
    userIds.map((userId, i) => ({ name: `压测学员${i + 1}`, phone: phones[i], userId })),
  );
  const tokens = userIds.map(() => randomToken());
  await insert.insert(
    Session,
    userIds.map((userId, i) => ({
      userId,
      tokenHash: tokenHash(config.sessionSecret, tokens[i]),
      lastUsedAt: new Date(now),
      expiresAt: new Date(now + 3600_000),
      revokedAt: null,
    })),
  );
  return { cohortId, cohortGlobalId: toGlobalId("Cohort", cohortId), tokens };
}

/** What M1 left behind, read in one statement (one snapshot): enrollments and seats must agree. */
export async function enrollOutcome(db: BenchDatabase, fixture: EnrollFixture) {
  const [row]: { enrolled: number | string; total: number | string; taken: number; capacity: number }[] =
    await db.ds.query(
      `SELECT c.seats_taken AS taken, c.capacity AS capacity,
        (SELECT COUNT(*) FROM enrollment e WHERE e.cohort_id = c.id AND e.status = 'ENROLLED') AS enrolled,
        (SELECT COUNT(*) FROM enrollment e WHERE e.cohort_id = c.id) AS total
       FROM cohort c WHERE c.id = ?`,
      [fixture.cohortId],
    );
  const enrolled = Number(row.enrolled);
  return {
    enrollments: Number(row.total),
    enrolled,
    seatsTaken: Number(row.taken),
    capacity: Number(row.capacity),
    consistent: enrolled === Number(row.taken) && Number(row.taken) <= Number(row.capacity),
  };
}

/** A session token for the user with this phone, made directly in the database. */
export async function signedIn(db: BenchDatabase, phone: string): Promise<string> {
  const user = await db.ds.getRepository(User).findOneByOrFail({ phone });
  const token = randomToken();
  const now = Date.now();
  await db.ds.getRepository(Session).insert({
    userId: user.id,
    tokenHash: tokenHash(db.config.sessionSecret, token),
    lastUsedAt: new Date(now),
    expiresAt: new Date(now + 3600_000),
    revokedAt: null,
  });
  return token;
}
