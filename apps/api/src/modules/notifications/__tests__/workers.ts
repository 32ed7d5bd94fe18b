import pino from "pino";
import type { DataSource } from "typeorm";
import { openDatabase } from "../../../db/database";
import { isMysql } from "../../../db/dialect";
import { Mutex, RequestContext, type AppServices } from "../../../graphql/context";
import type { TestApp } from "../../../testing/harness";
import type { NotificationKind } from "@zuofu/shared";
import { notify } from "../notification.service";
import type { NotificationSender, OutgoingMessage } from "../notification-sender";

/** A gateway that keeps what it accepted, or refuses everything with `failWith`. */
export class RecordingSender implements NotificationSender {
  readonly sent: OutgoingMessage[] = [];
  constructor(private readonly failWith?: string) {}
  async send(message: OutgoingMessage): Promise<void> {
    // Yield first, as a network call would, so that concurrent workers interleave.
    await new Promise((r) => setImmediate(r));
    if (this.failWith) throw new Error(this.failWith);
    this.sent.push(message);
  }
}

/**
 * A second "process": its own connection pool on the test's database. On SQLite both connections
 * share the turn-taking lock: better-sqlite3 waits for a file lock synchronously, which in one
 * process would block the very event loop that must commit the other connection's transaction
 * (separate processes simply wait on the file lock). On MySQL the two pools race for real.
 */
export async function secondProcess(t: TestApp): Promise<{ services: AppServices; ds: DataSource }> {
  const ds = await openDatabase(t.config, pino({ level: "silent" }));
  const sqliteTurn = isMysql(ds) ? new Mutex() : t.app.services.sqliteTurn;
  return { ds, services: { ...t.app.services, dataSource: ds, sqliteTurn } };
}

/** Calls `notify` the way a service does: inside a transaction. */
export async function notifyNow(t: TestApp, userIds: number[], kind: NotificationKind, params = {}): Promise<void> {
  const ctx = new RequestContext(t.app.services, null, "zh-CN", "test", "127.0.0.1");
  await ctx.transaction((tx) => notify(tx, userIds, kind, params));
}

/** Runs a worker until it finds nothing more to do. */
export async function drain(runOnce: () => Promise<number>): Promise<number> {
  let total = 0;
  for (let n = await runOnce(); n > 0; n = await runOnce()) total += n;
  return total;
}
