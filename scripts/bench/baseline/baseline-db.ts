import Database from "better-sqlite3";
import { createPool } from "mysql2/promise";

export type Row = Record<string, unknown>;

/** Raw SQL over the driver, nothing between: the floor the API is measured against. */
export interface RawDb {
  /** Quotes an identifier the way this database does. */
  q(name: string): string;
  all(sql: string, params: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

function sqlite(file: string): RawDb {
  const db = new Database(file, { timeout: 10_000 });
  // IN-lists of different lengths are different statements; each is prepared once.
  const prepared = new Map<string, Database.Statement>();
  return {
    q: (name) => `"${name}"`,
    all: async (sql, params) => {
      let stmt = prepared.get(sql);
      if (!stmt) prepared.set(sql, (stmt = db.prepare(sql)));
      return stmt.all(...params);
    },
    close: async () => {
      db.close();
    },
  };
}

function mysql(url: string): RawDb {
  // As the API's pool: utf8mb4, UTC, 20 connections.
  const pool = createPool({ uri: url, connectionLimit: 20, timezone: "Z", charset: "utf8mb4_unicode_ci" });
  return {
    q: (name) => `\`${name}\``,
    all: async (sql, params) => (await pool.query(sql, params))[0] as Row[],
    close: () => pool.end(),
  };
}

export function openRawDb(databaseUrl: string): RawDb {
  if (databaseUrl.startsWith("sqlite:")) return sqlite(databaseUrl.slice("sqlite:".length));
  return mysql(databaseUrl.replace(/^mariadb:/, "mysql:"));
}
