import type { DataSource } from "typeorm";
import type { Logger } from "pino";
import type { Config } from "../config";

/** Placeholder until the generator lands (same session). */
export async function loadDemoDataIfEmpty(_ds: DataSource, _config: Config, _log: Logger): Promise<void> {}
