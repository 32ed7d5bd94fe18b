/**
 * The deterministic demo data set (DESIGN.md, "Running it"): the article's figures at scale 1,
 * ten or a hundred times more for benchmarks. Same seed, same rows, on SQLite and MySQL alike.
 */
import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import { DataCipher, hashPassword } from "../common/crypto";
import type { Config } from "../config";
import { User } from "../modules/accounts/user.entity";
import { accountsPart } from "./accounts-part";
import { DEMO_PASSWORD, emptyIds, inserters, type DemoContext, type DemoPart } from "./context";
import { enterprisesPart } from "./enterprises-part";
import { Random } from "./random";
import { traineesPart } from "./trainees-part";
import { trainingPart } from "./training-part";
import { eventsPart } from "./events-part";
import { chambersPart } from "./chambers-part";
import { awardsPart } from "./awards-part";
import { notificationsPart } from "./notifications-part";
import { deskPart } from "./desk-part";

export const DEFAULT_SEED = 20210101;

/**
 * The parts, in order: each may use the ids the earlier ones recorded in `ctx.ids`. A new feature
 * appends its part here (e.g. cohorts after trainees, awards after cohorts).
 */
export const DEMO_PARTS: readonly DemoPart[] = [
  accountsPart,
  enterprisesPart,
  traineesPart,
  trainingPart,
  eventsPart,
  chambersPart,
  awardsPart,
  notificationsPart,
  deskPart,
];

export interface DemoOptions {
  /** Positive integer; multiplies every count. */
  scale?: number;
  seed?: number;
  /** Replaces DEMO_PARTS (tests of a single part). */
  parts?: readonly DemoPart[];
}

/**
 * Inserts the whole data set in one transaction, so the database holds all of it or none of it
 * (loadDemoDataIfEmpty's check stays truthful). Returns the rows inserted per table.
 */
export async function generateDemoData(
  ds: DataSource,
  config: Config,
  log: Logger,
  { scale = 1, seed = DEFAULT_SEED, parts = DEMO_PARTS }: DemoOptions = {},
): Promise<Record<string, number>> {
  if (!Number.isInteger(scale) || scale < 1) throw new RangeError("demo data scale must be a positive integer");
  if (!Number.isInteger(seed)) throw new RangeError("demo data seed must be an integer");
  const cipher = new DataCipher(config.dataKey);
  // Hashed before the transaction opens: scrypt takes tens of milliseconds and needs no lock.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = emptyIds();
  const counts: Record<string, number> = {};

  await ds.transaction(async (em) => {
    const insert = inserters(em, counts);
    for (const part of parts) {
      const started = performance.now();
      const ctx: DemoContext = {
        seed,
        scale,
        // One stream per part, seeded by its name: a new or changed part leaves the others' rows as they were.
        rng: new Random(seed, part.name),
        em,
        cipher,
        passwordHash,
        config,
        log,
        ids,
        counts,
        ...insert,
      };
      await part.run(ctx);
      log.debug({ part: part.name, ms: Math.round(performance.now() - started) }, "demo data part done");
    }
  });
  return counts;
}

async function hasUsers(ds: DataSource): Promise<boolean> {
  return (await ds.getRepository(User).createQueryBuilder("u").select("u.id").limit(1).getRawOne()) !== undefined;
}

/** Fills an empty database (no users) with the demo data at scale 1; leaves any other alone. */
export async function loadDemoDataIfEmpty(ds: DataSource, config: Config, log: Logger): Promise<void> {
  if (await hasUsers(ds)) {
    log.debug("database has users: demo data not loaded");
    return;
  }
  const started = performance.now();
  try {
    const counts = await generateDemoData(ds, config, log);
    log.info({ counts, ms: Math.round(performance.now() - started) }, "demo data loaded");
  } catch (err) {
    // Several API processes may start on one fresh database: the first one's data is as good.
    if (await hasUsers(ds)) {
      log.info("demo data was loaded by another process");
      return;
    }
    throw err;
  }
}
