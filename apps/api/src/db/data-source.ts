import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DataSource } from "typeorm";
import { createConnection } from "mysql2/promise";
import type { Logger as Pino } from "pino";
import type { DatabaseConfig } from "../config";
import { SnakeNamingStrategy } from "./naming";
import { CountingLogger } from "./query-stats";
import { entities } from "./entities";
import { migrations } from "./migrations";

export function createDataSource(db: DatabaseConfig, log: Pino, options: { synchronize?: boolean } = {}): DataSource {
  const common = {
    entities,
    migrations,
    migrationsTableName: "migration",
    namingStrategy: new SnakeNamingStrategy(),
    logger: new CountingLogger(log, log.isLevelEnabled("debug")),
    maxQueryExecutionTime: 1000,
    // Only the schema-drift test synchronizes; the application's schema comes from migrations.
    synchronize: options.synchronize ?? false,
  };
  if (db.kind === "sqlite") {
    if (db.file !== ":memory:") mkdirSync(dirname(db.file), { recursive: true });
    return new DataSource({
      ...common,
      type: "better-sqlite3",
      database: db.file,
      enableWAL: true,
      timeout: 10_000,
    });
  }
  return new DataSource({
    ...common,
    // MariaDB reports column defaults differently; TypeORM needs to know which one it talks to.
    type: db.flavor ?? "mysql",
    url: db.url,
    charset: "utf8mb4_unicode_ci",
    timezone: "Z",
    connectTimeout: 5_000,
    extra: { connectionLimit: 20, waitForConnections: true, queueLimit: 0, enableKeepAlive: true },
  });
}

/** Asks the server whether it is MySQL or MariaDB (one short connection at start). */
export async function resolveFlavor(db: DatabaseConfig): Promise<DatabaseConfig> {
  if (db.kind !== "mysql" || db.flavor) return db;
  const conn = await createConnection({ uri: db.url, connectTimeout: 5_000 });
  try {
    const [rows] = await conn.query("SELECT VERSION() AS v");
    const version = String((rows as { v: string }[])[0].v);
    return { ...db, flavor: /mariadb/i.test(version) ? "mariadb" : "mysql" };
  } finally {
    await conn.end();
  }
}
