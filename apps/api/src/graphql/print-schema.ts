import "reflect-metadata";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { lexicographicSortSchema, printSchema } from "graphql";
import { buildAppSchema } from "./schema";

/** `schema.graphql` at the repository root is the reviewed contract; CI fails when it is stale. */
export const SCHEMA_FILE = resolve(__dirname, "../../../../schema.graphql");

export async function printAppSchema(): Promise<string> {
  const header = "# Generated from the code by `npm run schema:write`; CI checks that it is current.\n\n";
  return header + printSchema(lexicographicSortSchema(await buildAppSchema())) + "\n";
}

if (require.main === module) {
  printAppSchema().then((text) => {
    if (process.argv.includes("--write")) {
      writeFileSync(SCHEMA_FILE, text);
      console.log(`wrote ${SCHEMA_FILE}`);
      return;
    }
    let current = "";
    try {
      current = readFileSync(SCHEMA_FILE, "utf8");
    } catch {
      /* missing file: reported below */
    }
    if (current !== text) {
      console.error("schema.graphql is out of date: run `npm run schema:write` and commit it.");
      process.exit(1);
    }
    console.log("schema.graphql is up to date");
  });
}
