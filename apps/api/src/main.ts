import "reflect-metadata";
import { loadConfig } from "./config";
import { createLogger } from "./common/logger";
import { openDatabase } from "./db/database";
import { startApp } from "./app";
import { loadDemoDataIfEmpty } from "./demo/demo-data";

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const dataSource = await openDatabase(config, log);
  if (config.demoData) await loadDemoDataIfEmpty(dataSource, config, log);
  const app = await startApp(config, dataSource, log);
  log.info({ url: `http://localhost:${config.port}`, database: config.database.kind }, "Zuofu is ready");

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      log.info({ signal }, "shutting down: finishing in-flight requests");
      app.stop().then(
        () => process.exit(0),
        (err) => {
          log.error({ err }, "shutdown failed");
          process.exit(1);
        },
      );
    });
  }
}

main().catch((err) => {
  console.error("Zuofu failed to start:", err instanceof Error ? err.message : err);
  process.exit(1);
});
