import "reflect-metadata";
import { loadConfig } from "../config";
import { createLogger } from "../common/logger";
import { createDataSource, resolveFlavor } from "./data-source";

/** npm run db:migrate | db:revert */
async function main() {
  const command = process.argv[2];
  const config = loadConfig();
  const log = createLogger("info");
  const ds = createDataSource(await resolveFlavor(config.database), log);
  await ds.initialize();
  try {
    if (command === "migrate") {
      const done = await ds.runMigrations({ transaction: "each" });
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
