import type { QueryRunner } from "typeorm";

/**
 * A migration carries the statements for each engine, generated from the entities against a fresh
 * database of that kind, so both schemas match the entities exactly.
 */
export interface EngineSql {
  mysql: string[];
  sqlite: string[];
}

export async function runFor(runner: QueryRunner, sql: EngineSql): Promise<void> {
  const statements = runner.connection.options.type === "better-sqlite3" ? sql.sqlite : sql.mysql;
  for (const statement of statements) await runner.query(statement);
}
