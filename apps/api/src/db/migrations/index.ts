import { Training1795873157670 } from "./1795873157670-training";
import { Foundation1795873154244 } from "./1795873154244-foundation";
import type { MigrationInterface } from "typeorm";

/** In order of application. New migrations are written by `scripts/migration-generate.ts`. */
export const migrations: (new () => MigrationInterface)[] = [Foundation1795873154244, Training1795873157670];
