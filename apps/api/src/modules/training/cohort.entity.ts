import { Field, Int, ObjectType } from "type-graphql";
import { TEXT_LIMITS } from "@zuofu/shared";
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from "typeorm";
import { Node } from "../../graphql/node";
import { AdmissionModeEnum, CohortStatusEnum, type AdmissionMode, type CohortStatus } from "./training.enums";

@ObjectType({ implements: Node, description: "One numbered run of a course (第N期)" })
@Entity()
@Index(["courseId", "number"], { unique: true })
@Index(["status", "startsOn"])
@Index(["startsOn"])
export class Cohort extends Node {
  @Column()
  courseId: number;

  @Field(() => Int, { description: "Number within its course, shown as 第N期" })
  @Column()
  number: number;

  /** The course's title and the number (cohortTitle), kept for the calendar feed; GraphQL derives it per language. */
  @Column({ length: TEXT_LIMITS.Cohort.title })
  title: string;

  @Field({ description: "First day (YYYY-MM-DD)" })
  @Column({ type: "date" })
  startsOn: string;

  @Field({ description: "Last day (YYYY-MM-DD)" })
  @Column({ type: "date" })
  endsOn: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: TEXT_LIMITS.Cohort.venue, nullable: true })
  venue: string | null;

  @Field(() => Int)
  @Column()
  capacity: number;

  @Field(() => Int, { description: "Enrolled trainees; never above capacity" })
  @Column({ default: 0 })
  seatsTaken: number;

  @Field(() => AdmissionModeEnum)
  @Column({ type: "varchar", length: 8 })
  admission: AdmissionMode;

  @Field(() => CohortStatusEnum)
  @Column({ type: "varchar", length: 12 })
  status: CohortStatus;

  @Field(() => Date, { nullable: true })
  @Column({ type: "datetime", nullable: true })
  enrollmentOpensAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: "datetime", nullable: true })
  enrollmentClosesAt: Date | null;

  @Field(() => Int, { description: "Attendance percentage needed to complete (default 80)" })
  @Column({ default: 80 })
  completionThreshold: number;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
