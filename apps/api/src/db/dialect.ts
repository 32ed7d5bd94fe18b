import type { DataSource } from "typeorm";

/** What code outside `db/` asks about the database it talks to; imports no entity, so anything may import it. */

export function isMysql(ds: DataSource): boolean {
  return ds.options.type === "mysql" || ds.options.type === "mariadb";
}

/** True for a unique-index violation (MySQL ER_DUP_ENTRY, SQLite UNIQUE constraint). */
export function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string; message?: string }; message?: string };
  const code = e?.driverError?.code ?? e?.code;
  return (
    code === "ER_DUP_ENTRY" || code === "SQLITE_CONSTRAINT_UNIQUE" || /UNIQUE constraint failed/.test(e?.message ?? "")
  );
}
