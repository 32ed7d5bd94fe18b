import { Column, CreateDateColumn, Entity, Index } from "typeorm";
import { Node } from "../../graphql/node";

export const SCHEDULED_JOB_KINDS = [
  "SESSION_REMINDER",
  "EVENT_REMINDER",
  // the service desk's due dates (modules/desk/escalation.worker.ts)
  "PROBLEM_DUE_SOON",
  "PROBLEM_OVERDUE",
] as const;
export type ScheduledJobKind = (typeof SCHEDULED_JOB_KINDS)[number];

/**
 * Work due at a time, kept in the database so that it survives restarts and runs once across
 * processes: claimed by a conditional UPDATE, finished in the same transaction as its effect.
 */
@Entity()
@Index(["kind", "subjectId"], { unique: true })
@Index(["status", "runAt"])
export class ScheduledJob extends Node {
  @Column({ type: "varchar", length: 24 })
  kind: ScheduledJobKind;

  /** The class session, event or problem the job is about. */
  @Column()
  subjectId: number;

  @Column({ type: "datetime" })
  runAt: Date;

  /** PENDING, RUNNING (claimed), DONE or FAILED. */
  @Column({ type: "varchar", length: 8 })
  status: "PENDING" | "RUNNING" | "DONE" | "FAILED";

  @Column({ default: 0 })
  attempts: number;

  @Index()
  @Column({ type: "varchar", length: 36, nullable: true })
  claimToken: string | null;

  @Column({ type: "datetime", nullable: true })
  claimedAt: Date | null;

  @Column({ type: "varchar", length: 500, nullable: true })
  lastError: string | null;

  @Column({ type: "datetime", nullable: true })
  doneAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}
