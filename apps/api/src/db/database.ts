import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import type { Config } from "../config";
import { createDataSource, resolveFlavor } from "./data-source";
import { runMigrationsOnce } from "./migration-lock";

/**
 * Connects and applies pending migrations: the schema only ever comes from migrations. Several
 * processes may start at once (a scaled-out deployment): one applies, the others wait for it.
 */
export async function openDatabase(config: Config, log: Logger): Promise<DataSource> {
  const ds = createDataSource(await resolveFlavor(config.database), log);
  await ds.initialize();
  const applied = await runMigrationsOnce(ds, log);
  if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, "migrations applied");
  return ds;
}
