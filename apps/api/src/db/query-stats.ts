import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger, QueryRunner } from "typeorm";
import type { Logger as Pino } from "pino";

/**
 * A request's statement count (tests and the bench prove with it that N+1 never happens), sent as
 * `x-sql-statements`. Counting needs an AsyncLocalStorage, which puts hooks on every promise of the
 * process while it is on: 10 % of Q1's time. So a production server counts nothing, or (with
 * `EXPOSE_SQL_STATEMENTS=1`, for the bench) only the requests that ask with `x-sql-statements: count`,
 * and turns the hooks off again when none of them is running.
 */
export interface RequestScope {
  statements: number;
}

export type StatementCounting = "always" | "asked" | "off";

export const requestScope = new AsyncLocalStorage<RequestScope>();

let countedInFlight = 0;

/** Runs `next` in a counting scope when `mode` says so; `onFinished` is told how to end it. */
export function withStatementCount<T>(
  mode: StatementCounting,
  header: string | string[] | undefined,
  onFinished: (end: () => void) => void,
  next: () => T,
): T {
  if (mode === "always") return requestScope.run({ statements: 0 }, next);
  if (mode !== "asked" || header !== "count") return next();
  countedInFlight += 1;
  onFinished(() => {
    countedInFlight -= 1;
    if (countedInFlight === 0) requestScope.disable();
  });
  return requestScope.run({ statements: 0 }, next);
}

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
