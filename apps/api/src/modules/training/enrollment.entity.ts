import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from "typeorm";
import { Node } from "../../graphql/node";
import {
  CompletionOutcomeEnum,
  EnrollmentStatusEnum,
  type CompletionOutcome,
  type EnrollmentStatus,
} from "./training.enums";

@ObjectType({ implements: Node, description: "A trainee's place in a cohort" })
@Entity()
@Index(["cohortId", "status", "id"])
@Index(["traineeId", "status"])
export class Enrollment extends Node {
  @Column()
  cohortId: number;

  @Column()
  traineeId: number;

  @Field(() => EnrollmentStatusEnum)
  @Column({ type: "varchar", length: 12 })
  status: EnrollmentStatus;

  /**
   * "cohortId:traineeId" while the enrollment is active, NULL otherwise: a unique index on it lets
   * the database itself refuse a second active enrollment, also under concurrent requests.
   */
  @Index({ unique: true })
  @Column({ type: "varchar", length: 40, nullable: true })
  activeSlot: string | null;

  @Field(() => String, { nullable: true, description: "Why staff rejected it, or why it was cancelled" })
  @Column({ type: "varchar", length: 500, nullable: true })
  reason: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: "datetime", nullable: true })
  decidedAt: Date | null;

  /**
   * Set when the cohort completes. A trainee below the threshold does not stay ENROLLED in a
   * finished cohort: the enrollment ends as CANCELLED with outcome NOT_COMPLETED (as Moodle marks
   * a course "not complete"), which keeps it apart from a cancellation during the cohort.
   */
  @Field(() => CompletionOutcomeEnum, { nullable: true })
  @Column({ type: "varchar", length: 16, nullable: true })
  outcome: CompletionOutcome | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

export const activeSlot = (cohortId: number, traineeId: number) => `${cohortId}:${traineeId}`;
