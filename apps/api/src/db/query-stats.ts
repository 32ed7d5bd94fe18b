import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger, QueryRunner } from "typeorm";
import type { Logger as Pino } from "pino";
import type { Locale } from "@zuofu/shared";

/**
 * What the current HTTP request carries below the GraphQL layer: its statement count (tests and
 * the bench prove with it that N+1 never happens), its language and its id for error logs.
 */
export interface RequestScope {
  statements: number;
  locale: Locale;
  requestId: string;
  log?: Pino;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

export class CountingLogger implements Logger {
  constructor(
    private readonly pino: Pino,
    private readonly logStatements: boolean,
  ) {}
  logQuery(query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    const scope = requestScope.getStore();
    if (scope) scope.statements++;
    // Parameters are never logged: they carry personal data.
    if (this.logStatements) this.pino.debug({ sql: query }, "sql");
  }
  logQueryError(error: string | Error, query: string): void {
    this.pino.warn({ err: typeof error === "string" ? error : error.message, sql: query.slice(0, 500) }, "sql error");
  }
  logQuerySlow(time: number, query: string): void {
    this.pino.warn({ ms: time, sql: query.slice(0, 500) }, "slow sql");
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.pino.info({ migration: message }, "migration");
  }
  log(level: "log" | "info" | "warn", message: unknown): void {
    if (level === "warn") this.pino.warn({ message }, "typeorm");
  }
}
