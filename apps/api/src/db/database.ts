import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import type { Config } from "../config";
import { createDataSource, resolveFlavor } from "./data-source";

/** Connects and applies pending migrations: the schema only ever comes from migrations. */
export async function openDatabase(config: Config, log: Logger): Promise<DataSource> {
  const ds = createDataSource(await resolveFlavor(config.database), log);
  await ds.initialize();
  const applied = await ds.runMigrations({ transaction: "each" });
  if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, "migrations applied");
  return ds;
}
