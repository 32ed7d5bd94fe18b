import "reflect-metadata";
import { loadConfig } from "../config";
import { createLogger } from "../common/logger";
import { createDataSource, resolveFlavor } from "./data-source";
import { backupDatabase, restoreDatabase } from "./backup";
import { runMigrationsOnce } from "./migration-lock";

/** npm run db:migrate | db:revert | db:backup -- <file> | db:restore -- <file> */
async function main() {
  const command = process.argv[2];
  const config = loadConfig();
  if (command === "backup" || command === "restore") {
    const file = process.argv[3];
    if (!file) throw new Error(`usage: npm run db:${command} -- <file>`);
    if (command === "backup") {
      const done = await backupDatabase(config.database, file);
      console.log(`backed up ${done.tables} tables, ${done.rows} rows to ${file}`);
    } else {
      await restoreDatabase(config.database, file);
      console.log(`restored ${file}`);
    }
    return;
  }
  const log = createLogger("info");
  const ds = createDataSource(await resolveFlavor(config.database), log);
  await ds.initialize();
  try {
    if (command === "migrate") {
      const done = await runMigrationsOnce(ds, log);
      console.log(done.length ? `applied: ${done.map((m) => m.name).join(", ")}` : "nothing to apply");
    } else if (command === "revert") {
      await ds.undoLastMigration({ transaction: "each" });
      console.log("reverted the last migration");
    } else {
      throw new Error("usage: cli.js migrate|revert");
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
