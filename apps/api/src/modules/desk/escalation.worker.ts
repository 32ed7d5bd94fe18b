import { randomUUID } from "node:crypto";
import { RequestContext, type AppServices } from "../../graphql/context";
import { claimDue } from "../notifications/due-claim";
import { DEFAULT_REMINDER_POLICY, failScheduledJob, type ReminderPolicy } from "../notifications/reminder.worker";
import { ScheduledJob, type ScheduledJobKind } from "../notifications/scheduled-job.entity";
import { Problem } from "./problem.entity";
import { OPEN_STATUSES, holdersOf, moveUp, record, tell } from "./problem.service";

const DAY = 24 * 3600_000;
/** A job may run this much early (the loop's tick) and still count as on time. */
const SLACK_MS = 3600_000;
const DESK_KINDS: ScheduledJobKind[] = ["PROBLEM_DUE_SOON", "PROBLEM_OVERDUE"];

/**
 * The desk's due dates, on the reminders' mechanism (scheduled jobs claimed by a conditional
 * UPDATE, finished in the transaction of their effect), so that each runs once across processes:
 * "due tomorrow" to the level holding a problem, and at the due date "overdue" to it and the
 * problem one level up with that level's due date (at the district head it stays, overdue).
 */
export class EscalationWorker {
  constructor(
    private readonly services: AppServices,
    private readonly policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
  ) {}

  async runOnce(now = new Date()): Promise<number> {
    const ctx = new RequestContext(this.services, null, "zh-CN", `escalation:${randomUUID()}`, "worker");
    const jobs = await claimDue(
      ctx,
      {
        target: ScheduledJob,
        dueColumn: "run_at",
        claimed: "RUNNING",
        only: { sql: "kind IN (:...kinds)", params: { kinds: DESK_KINDS } },
      },
      { now, limit: this.policy.batch, leaseMs: this.policy.leaseMs },
    );
    for (const job of jobs) {
      try {
        await ctx.transaction(async (tx) => {
          const done = await tx.em
            .createQueryBuilder()
            .update(ScheduledJob)
            .set({ status: "DONE", doneAt: now, claimToken: null })
            .where("id = :id AND claim_token = :token", { id: job.id, token: job.claimToken })
            .execute();
          // Another worker took the job over after our lease ran out, or a new due date moved it.
          if (done.affected !== 1) return;
          const problem = await tx.em.findOneBy(Problem, { id: job.subjectId });
          if (!problem?.dueAt || !OPEN_STATUSES.includes(problem.status)) return;
          if (job.kind === "PROBLEM_DUE_SOON") {
            if (problem.dueAt.getTime() - DAY <= now.getTime() + SLACK_MS)
              await tell(tx, await holdersOf(tx, problem), "PROBLEM_DUE_TOMORROW", problem);
            return;
          }
          if (problem.dueAt.getTime() > now.getTime() + SLACK_MS) return;
          await tell(tx, await holdersOf(tx, problem), "PROBLEM_OVERDUE", problem);
          // A missed due date counts against the on-time rate, whoever answers in the end.
          if (!(await moveUp(tx, problem, OPEN_STATUSES, "ASSIGNED", now, { late: true }))) return;
          await record(tx, problem, "ESCALATED", null);
          await tell(tx, await holdersOf(tx, problem), "PROBLEM_ESCALATED", problem);
        });
      } catch (err) {
        await failScheduledJob(ctx, job, err, now, this.policy, "escalation job failed");
      }
    }
    return jobs.length;
  }
}
