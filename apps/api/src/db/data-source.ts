import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DataSource } from "typeorm";
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
    type: "mysql",
    url: db.url,
    charset: "utf8mb4_unicode_ci",
    timezone: "Z",
    connectTimeout: 5_000,
    extra: { connectionLimit: 20, waitForConnections: true, queueLimit: 0, enableKeepAlive: true },
  });
}

export function isMysql(ds: DataSource): boolean {
  return ds.options.type === "mysql";
}
