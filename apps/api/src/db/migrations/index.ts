import { Initial1795872462894 } from "./1795872462894-initial";
import type { MigrationInterface } from "typeorm";

/** In order of application. New migrations are written by `scripts/migration-generate.ts`. */
export const migrations: (new () => MigrationInterface)[] = [Initial1795872462894];
