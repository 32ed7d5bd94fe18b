import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Logger } from "pino";
import type { DataSource, Migration } from "typeorm";
import { isMysql } from "./dialect";

/** A holder that has not beaten for this long died; another process may take the lock over. */
export const MIGRATION_LOCK_LEASE_MS = 60_000;
const BEAT_EVERY_MS = 10_000;

/**
 * The runner's own bookkeeping, like TypeORM's `migration` table: it guards the migrations, so no
 * migration can create it. One row (id 1) is the lock; it has a primary key and no engine-specific
 * lock (GET_LOCK and LOCK TABLES do not replicate in Galera), so it works on SQLite, MySQL and
 * every Galera node alike: of two INSERTs of id 1 one fails, as a duplicate key on one server or a
 * lost certification (ER_LOCK_DEADLOCK) across Galera nodes.
 */
const CREATE = {
  mysql:
    "CREATE TABLE IF NOT EXISTS `migration_lock` (`id` int NOT NULL, `holder` varchar(100) NOT NULL, `heartbeat_at` bigint NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB",
  sqlite:
    'CREATE TABLE IF NOT EXISTS "migration_lock" ("id" integer PRIMARY KEY NOT NULL, "holder" varchar(100) NOT NULL, "heartbeat_at" bigint NOT NULL)',
};

function lostTheRace(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string }; message?: string };
  const code = e?.driverError?.code ?? e?.code;
  return (
    code === "ER_DUP_ENTRY" ||
    code === "ER_LOCK_DEADLOCK" ||
    code === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
    code === "SQLITE_BUSY" ||
    /UNIQUE constraint failed/.test(e?.message ?? "")
  );
}

/**
 * Applies pending migrations once, however many processes start at the same moment: the one that
 * holds the lock row applies them (and makes TypeORM's own `migration` table, which TypeORM makes
 * without IF NOT EXISTS), the others wait until it lets go and then find nothing left to apply.
 */
export async function runMigrationsOnce(ds: DataSource, log: Logger): Promise<Migration[]> {
  await ds.query(isMysql(ds) ? CREATE.mysql : CREATE.sqlite);
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let waited = false;
  for (;;) {
    const now = Date.now();
    await ds.query("DELETE FROM migration_lock WHERE id = 1 AND heartbeat_at < ?", [now - MIGRATION_LOCK_LEASE_MS]);
    try {
      await ds.query("INSERT INTO migration_lock (id, holder, heartbeat_at) VALUES (1, ?, ?)", [holder, now]);
      break;
    } catch (err) {
      if (!lostTheRace(err)) throw err;
    }
    if (!waited) log.info("another process is applying the migrations: waiting for it");
    waited = true;
    await new Promise((r) => setTimeout(r, 250 + Math.random() * 250));
  }
  const beat = setInterval(() => {
    ds.query("UPDATE migration_lock SET heartbeat_at = ? WHERE id = 1 AND holder = ?", [Date.now(), holder]).catch(
      (err: unknown) => log.warn({ err }, "migration lock heartbeat failed"),
    );
  }, BEAT_EVERY_MS);
  try {
    return await ds.runMigrations({ transaction: "each" });
  } finally {
    clearInterval(beat);
    await ds.query("DELETE FROM migration_lock WHERE id = 1 AND holder = ?", [holder]);
  }
}
