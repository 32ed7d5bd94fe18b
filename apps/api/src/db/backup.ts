import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import { createConnection, escape, escapeId } from "mysql2/promise";
import type { DatabaseConfig } from "../config";

/**
 * SQLite: the online backup API copies a consistent image while the platform keeps serving.
 * MySQL/MariaDB: one REPEATABLE READ snapshot, written as plain SQL (one statement per line), so
 * the dump is consistent without locking tables and restores with any MySQL client too.
 */
export async function backupDatabase(db: DatabaseConfig, file: string): Promise<{ tables: number; rows: number }> {
  if (db.kind === "sqlite") {
    const source = new Database(db.file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(file);
      const tables = source
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
        .all() as { name: string }[];
      const rows = tables.reduce(
        (sum, t) => sum + (source.prepare(`SELECT COUNT(*) AS n FROM "${t.name}"`).get() as { n: number }).n,
        0,
      );
      return { tables: tables.length, rows };
    } finally {
      source.close();
    }
  }
  const conn = await createConnection({
    uri: db.url,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  const out = createWriteStream(file, { encoding: "utf8" });
  const write = async (line: string) => {
    if (!out.write(line + "\n")) await once(out, "drain");
  };
  let rows = 0;
  try {
    await conn.query("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    await conn.query("START TRANSACTION WITH CONSISTENT SNAPSHOT");
    const [list] = await conn.query(`SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'`);
    const tables = (list as Record<string, string>[]).map((r) => Object.values(r)[0]);
    await write("-- Zuofu backup (consistent snapshot); restore with `npm run db:restore -- <file>`");
    await write("SET NAMES utf8mb4;");
    await write("SET FOREIGN_KEY_CHECKS = 0;");
    for (const table of tables) {
      const [created] = await conn.query(`SHOW CREATE TABLE ${escapeId(table)}`);
      await write(`DROP TABLE IF EXISTS ${escapeId(table)};`);
      await write(`${String((created as Record<string, string>[])[0]["Create Table"]).replace(/\s*\n\s*/g, " ")};`);
      const [data] = await conn.query(`SELECT * FROM ${escapeId(table)}`);
      const records = data as Record<string, unknown>[];
      for (let i = 0; i < records.length; i += 500) {
        const chunk = records.slice(i, i + 500);
        const columns = Object.keys(chunk[0])
          .map((c) => escapeId(c))
          .join(", ");
        await write(
          `INSERT INTO ${escapeId(table)} (${columns}) VALUES ${chunk
            .map(
              (r) =>
                `(${Object.values(r)
                  .map((v) => escape(v as string))
                  .join(", ")})`,
            )
            .join(", ")};`,
        );
      }
      rows += records.length;
    }
    await write("SET FOREIGN_KEY_CHECKS = 1;");
    await conn.query("COMMIT");
    return { tables: tables.length, rows };
  } finally {
    out.end();
    await once(out, "close");
    await conn.end();
  }
}

/** Puts a backup back: SQLite page by page (online), MySQL by replaying the dump in order. */
export async function restoreDatabase(db: DatabaseConfig, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`no backup at ${file}`);
  if (db.kind === "sqlite") {
    const source = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(db.file);
    } finally {
      source.close();
    }
    return;
  }
  const conn = await createConnection({ uri: db.url, multipleStatements: false });
  try {
    const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line || line.startsWith("--")) continue;
      await conn.query(line.replace(/;$/, ""));
    }
  } finally {
    await conn.end();
  }
}
