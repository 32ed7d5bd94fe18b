import { randomUUID } from "node:crypto";
import { In } from "typeorm";
import type { NotificationKind } from "@zuofu/shared";
import { RequestContext, type AppServices } from "../../graphql/context";
import { isDuplicateKey } from "../../db/dialect";
import { claimDue } from "./due-claim";
import { notify } from "./notification.service";
import { ScheduledJob, type ScheduledJobKind } from "./scheduled-job.entity";

const HOUR = 3600_000;
/** Reminders go out a day ahead; the scan looks two days ahead so that each job exists before it is due. */
const REMIND_BEFORE_MS = 24 * HOUR;
const SCAN_AHEAD_MS = 48 * HOUR;

export interface ReminderPolicy {
  maxAttempts: number;
  backoffMs: number;
  leaseMs: number;
  batch: number;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  maxAttempts: 3,
  backoffMs: 5 * 60_000,
  leaseMs: 10 * 60_000,
  batch: 50,
};

type Outcome = { notify: false; runAt?: Date } | { notify: true; userIds: number[]; params: Record<string, string> };

/**
 * Something that starts at a time and whose people are reminded the day before: a feature supplies
 * it (training/session-reminders.ts, events/event-reminders.ts) and the composition root (app.ts)
 * hands the list to the worker, so notifications/ imports no feature.
 */
export interface ReminderSource {
  job: ScheduledJobKind;
  notification: NotificationKind;
  /** The subjects starting after `now` and no later than `until`. */
  upcoming(ctx: RequestContext, now: Date, until: Date): Promise<{ subjectId: number; startsAt: Date }[]>;
  /** The subject as it stands (null: gone, or no longer to be reminded of) and, read when due, whom to tell what. */
  current(
    tx: RequestContext,
    subjectId: number,
  ): Promise<{
    startsAt: Date;
    audience: () => Promise<{ userIds: number[]; params: Record<string, string> }>;
  } | null>;
}

/**
 * "Class session tomorrow" and "event tomorrow". A periodic scan keeps one job per upcoming
 * session or event (unique per subject, so scans in several processes agree); the job, when due,
 * tells whoever is enrolled or registered by then. A job's notifications and its DONE commit in one
 * transaction under the job's claim, so each reminder goes out once.
 */
export class ReminderWorker {
  constructor(
    private readonly services: AppServices,
    private readonly sources: readonly ReminderSource[],
    private readonly policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
  ) {}

  private context(): RequestContext {
    return new RequestContext(this.services, null, "zh-CN", `reminders:${randomUUID()}`, "worker");
  }

  /** Creates the jobs of sessions and events starting within two days, and follows moved ones. */
  async scan(now = new Date()): Promise<number> {
    const ctx = this.context();
    const until = new Date(now.getTime() + SCAN_AHEAD_MS);
    const wanted: { source: ReminderSource; subjects: { subjectId: number; startsAt: Date }[] }[] = [];
    for (const source of this.sources) wanted.push({ source, subjects: await source.upcoming(ctx, now, until) });
    let created = 0;
    for (const { source, subjects: mine } of wanted) {
      const kind = source.job;
      if (!mine.length) continue;
      const existing = await ctx.em.findBy(ScheduledJob, { kind, subjectId: In(mine.map((w) => w.subjectId)) });
      const jobOf = new Map(existing.map((j) => [j.subjectId, j]));
      for (const w of mine) {
        const runAt = new Date(w.startsAt.getTime() - REMIND_BEFORE_MS);
        const job = jobOf.get(w.subjectId);
        if (!job) created += await this.createJob(ctx, kind, w.subjectId, runAt);
        else if (job.status === "PENDING" && job.runAt.getTime() !== runAt.getTime())
          await ctx.transaction((tx) => tx.em.update(ScheduledJob, { id: job.id, status: "PENDING" }, { runAt }));
      }
    }
    return created;
  }

  private async createJob(ctx: RequestContext, kind: ScheduledJobKind, subjectId: number, runAt: Date) {
    try {
      await ctx.transaction((tx) =>
        tx.em.insert(ScheduledJob, { kind, subjectId, runAt, status: "PENDING", attempts: 0 }),
      );
      return 1;
    } catch (err) {
      // Another process's scan created it first: the one job is what matters.
      if (isDuplicateKey(err)) return 0;
      throw err;
    }
  }

  /** Claims due jobs and runs them; answers how many it handled. */
  async runOnce(now = new Date()): Promise<number> {
    const ctx = this.context();
    const jobs = await claimDue(
      ctx,
      {
        target: ScheduledJob,
        dueColumn: "run_at",
        claimed: "RUNNING",
        // Its own kinds only: the service desk's due dates share the table (modules/desk/escalation.worker.ts).
        only: { sql: "kind IN (:...kinds)", params: { kinds: this.sources.map((s) => s.job) } },
      },
      { now, limit: this.policy.batch, leaseMs: this.policy.leaseMs },
    );
    for (const job of jobs) {
      try {
        await ctx.transaction(async (tx) => {
          const outcome = await this.outcome(tx, job, now);
          const finish =
            outcome.notify || !outcome.runAt
              ? { status: "DONE" as const, doneAt: now, claimToken: null }
              : { status: "PENDING" as const, runAt: outcome.runAt, claimToken: null };
          const result = await tx.em
            .createQueryBuilder()
            .update(ScheduledJob)
            .set(finish)
            .where("id = :id AND claim_token = :token", { id: job.id, token: job.claimToken })
            .execute();
          // The claim went to another worker after our lease ran out: that worker reminds.
          if (result.affected !== 1 || !outcome.notify) return;
          await notify(tx, outcome.userIds, this.sourceOf(job).notification, outcome.params);
        });
      } catch (err) {
        await failScheduledJob(ctx, job, err, now, this.policy, "reminder job failed");
      }
    }
    return jobs.length;
  }

  private sourceOf(job: ScheduledJob): ReminderSource {
    const source = this.sources.find((s) => s.job === job.kind);
    if (!source) throw new Error(`no reminder source for ${job.kind}`);
    return source;
  }

  /** Whom to remind, or that the subject moved (run later) or is gone (nothing to do). */
  private async outcome(tx: RequestContext, job: ScheduledJob, now: Date): Promise<Outcome> {
    const subject = await this.sourceOf(job).current(tx, job.subjectId);
    if (!subject || subject.startsAt <= now) return { notify: false };
    const due = new Date(subject.startsAt.getTime() - REMIND_BEFORE_MS);
    if (due.getTime() > now.getTime() + HOUR) return { notify: false, runAt: due };
    return { notify: true, ...(await subject.audience()) };
  }
}

/**
 * A job whose run threw: back to PENDING with a growing delay, FAILED after the last attempt;
 * only while this worker still holds its claim.
 */
export async function failScheduledJob(
  ctx: RequestContext,
  job: ScheduledJob,
  err: unknown,
  now: Date,
  policy: ReminderPolicy,
  message: string,
): Promise<void> {
  ctx.log.error({ err, jobId: job.id, kind: job.kind }, message);
  const last = job.attempts >= policy.maxAttempts;
  await ctx.transaction((tx) =>
    tx.em
      .createQueryBuilder()
      .update(ScheduledJob)
      .set({
        status: last ? "FAILED" : "PENDING",
        claimToken: null,
        lastError: (err instanceof Error ? err.message : String(err)).slice(0, 500),
        runAt: new Date(now.getTime() + policy.backoffMs * 2 ** (job.attempts - 1)),
      })
      .where("id = :id AND claim_token = :token", { id: job.id, token: job.claimToken })
      .execute(),
  );
}
