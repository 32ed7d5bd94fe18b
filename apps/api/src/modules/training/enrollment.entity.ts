import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from "typeorm";
import { Node } from "../../graphql/node";
import { EnrollmentStatusEnum, type EnrollmentStatus } from "./training.enums";

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

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

export const activeSlot = (cohortId: number, traineeId: number) => `${cohortId}:${traineeId}`;
