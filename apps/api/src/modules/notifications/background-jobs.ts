import type { AppServices } from "../../graphql/context";
import { createSenders } from "./notification-sender";
import { DeliveryWorker } from "./notification-delivery.worker";
import { ReminderWorker, type ReminderSource } from "./reminder.worker";

/**
 * The API process's loop for work nobody waits on: the outbox, the reminders and the service desk's escalations. State lives in
 * the database and every row is claimed atomically, so any number of processes may run it.
 */
export class BackgroundJobs {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly services: AppServices,
    private readonly tasks: { name: string; run: () => Promise<unknown> }[],
    private readonly intervalMs = 5_000,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
        this.schedule();
      });
    }, this.intervalMs);
    // A waiting tick must not keep a finished process alive.
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    for (const task of this.tasks) {
      if (this.stopped) return;
      try {
        await task.run();
      } catch (err) {
        this.services.log.error({ err, task: task.name }, "background task failed");
      }
    }
  }

  /** Stops scheduling and waits for the tick in progress, so the pool can close under no one. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}

/** A feature's own periodic work (the service desk's escalations), named by the composition root. */
export interface BackgroundTask {
  name: string;
  run: () => Promise<unknown>;
}

/**
 * `reminders`: what the features remind of; `tasks`: the features' own periodic work. The
 * composition root (app.ts) names both, so notifications/ imports no feature.
 */
export function createBackgroundJobs(
  services: AppServices,
  reminders: readonly ReminderSource[],
  tasks: readonly BackgroundTask[] = [],
): BackgroundJobs {
  const delivery = new DeliveryWorker(services, createSenders(services.config, services.log, services.sms));
  const reminder = new ReminderWorker(services, reminders);
  return new BackgroundJobs(services, [
    { name: "reminder scan", run: () => reminder.scan() },
    { name: "reminders", run: () => reminder.runOnce() },
    ...tasks,
    { name: "notification delivery", run: () => delivery.runOnce() },
  ]);
}
