import "reflect-metadata";
/**
 * Fills an empty database with the demo data, optionally scaled up for benchmarks:
 *   npx ts-node --swc -P scripts/tsconfig.json scripts/demo-data.ts --scale 10 [--seed N]
 * DATABASE_URL, DATA_KEY etc. come from the environment, as for the API.
 */
import { parseArgs } from "node:util";
import { createLogger } from "../apps/api/src/common/logger";
import { loadConfig } from "../apps/api/src/config";
import { openDatabase } from "../apps/api/src/db/database";
import { User } from "../apps/api/src/modules/accounts/user.entity";
import { DEFAULT_SEED, generateDemoData } from "../apps/api/src/demo/demo-data";

const USAGE = `usage: demo-data [--scale N] [--seed N]   (scale: positive integer, default 1; seed: integer, default ${DEFAULT_SEED})`;

function intOption(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || (name === "scale" && n < 1))
    throw new Error(`--${name} must be ${name === "scale" ? "a positive integer" : "an integer"}`);
  return n;
}

async function main(): Promise<number> {
  let scale: number;
  let seed: number;
  try {
    const { values } = parseArgs({
      options: { scale: { type: "string" }, seed: { type: "string" }, help: { type: "boolean" } },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    scale = intOption(values.scale, 1, "scale");
    seed = intOption(values.seed, DEFAULT_SEED, "seed");
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    console.error(USAGE);
    return 2;
  }

  const config = loadConfig();
  const log = createLogger(process.env.LOG_LEVEL || "warn");
  const ds = await openDatabase(config, log);
  try {
    if ((await ds.getRepository(User).count()) > 0) {
      console.error(
        "The database already has users: demo data goes only into an empty database. Point DATABASE_URL at a fresh one.",
      );
      return 1;
    }
    console.log(`Generating demo data: scale ${scale}, seed ${seed}, ${config.database.kind} database …`);
    const started = performance.now();
    const counts = await generateDemoData(ds, config, log, { scale, seed });
    const seconds = (performance.now() - started) / 1000;
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(30)} ${String(n).padStart(9)}`);
    console.log(`  ${"total".padEnd(30)} ${String(rows).padStart(9)}`);
    console.log(`${rows} rows in ${seconds.toFixed(2)} s: ${Math.round(rows / seconds)} rows/s`);
    return 0;
  } finally {
    await ds.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error("demo-data failed:", err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
