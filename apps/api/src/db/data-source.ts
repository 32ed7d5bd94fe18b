import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DataSource } from "typeorm";
import * as mysql2 from "mysql2";
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
  const ds = new DataSource({
    ...common,
    // MariaDB reports column defaults differently; TypeORM needs to know which one it talks to.
    type: db.flavor ?? "mysql",
    url: db.url,
    charset: "utf8mb4_unicode_ci",
    timezone: "Z",
    connectTimeout: 5_000,
    ...(db.galera ? { driver: causalReads(log) } : {}),
    extra: { connectionLimit: 20, waitForConnections: true, queueLimit: 0, enableKeepAlive: true },
  });
  if (db.galera) galeraSources.add(ds);
  return ds;
}

/** Data sources on a Galera node (set when they are made). */
const galeraSources = new WeakSet<DataSource>();

/**
 * True on a MariaDB Galera node. There a locking read (FOR UPDATE) locks the row on that node only;
 * across nodes only rows written conflict (at COMMIT), so a lock that must hold cluster-wide writes.
 */
export function isGalera(ds: DataSource): boolean {
  return galeraSources.has(ds);
}

/**
 * mysql2 whose pools make every new connection read causally: on Galera a node applies the others'
 * writes a moment after they commit, so without this a request that lands on another node than the
 * caller's last write (enroll on one, `me` on the next) could read the row as it was before.
 * `wsrep_sync_wait = 1` makes each read wait until the node has applied every write the cluster
 * committed before the read began. The statement is queued on the connection before any other.
 */
function causalReads(log: Pino): typeof mysql2 {
  return {
    ...mysql2,
    createPool: ((options: mysql2.PoolOptions) => {
      const pool = mysql2.createPool(options);
      pool.on("connection", (connection) => {
        connection.query("SET SESSION wsrep_sync_wait = 1", (err) => {
          if (err) log.warn({ err }, "wsrep_sync_wait not set on a new connection");
        });
      });
      return pool;
    }) as typeof mysql2.createPool,
  };
}

/** Asks the server whether it is MySQL or MariaDB, and a Galera node or not (one short connection at start). */
export async function resolveFlavor(db: DatabaseConfig): Promise<DatabaseConfig> {
  if (db.kind !== "mysql" || db.flavor) return db;
  const conn = await createConnection({ uri: db.url, connectTimeout: 5_000 });
  try {
    const [rows] = await conn.query("SELECT VERSION() AS v");
    const version = String((rows as { v: string }[])[0].v);
    const [wsrep] = await conn.query("SHOW VARIABLES LIKE 'wsrep_on'");
    const galera = (wsrep as { Value: string }[])[0]?.Value === "ON";
    return { ...db, flavor: /mariadb/i.test(version) ? "mariadb" : "mysql", galera };
  } finally {
    await conn.end();
  }
}
