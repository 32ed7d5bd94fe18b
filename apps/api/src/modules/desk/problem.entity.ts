import { Field, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from "typeorm";
import type { ProblemCategory, ProblemLevel, ProblemRating, ProblemReporterKind, ProblemStatus } from "@zuofu/shared";
import { Node } from "../../graphql/node";
import {
  ProblemCategoryEnum,
  ProblemEventKindEnum,
  ProblemLevelEnum,
  ProblemRatingEnum,
  ProblemReporterKindEnum,
  ProblemStatusEnum,
  type ProblemEventKind,
} from "./desk.enums";

@ObjectType({ implements: Node, description: "An enterprise's difficulty reported to the service desk (直通车)" })
@Entity()
@Index(["enterpriseId", "createdAt"])
@Index(["departmentId", "status"])
@Index(["status", "dueAt"])
@Index(["createdAt"])
export class Problem extends Node {
  @Column()
  enterpriseId: number;

  @Field(() => ProblemCategoryEnum)
  @Column({ type: "varchar", length: 16 })
  category: ProblemCategory;

  @Field()
  @Column({ length: 100 })
  title: string;

  @Field()
  @Column({ type: "text" })
  description: string;

  @Field(() => ProblemStatusEnum)
  @Column({ type: "varchar", length: 12 })
  status: ProblemStatus;

  @Field(() => ProblemLevelEnum)
  @Column({ type: "varchar", length: 16 })
  level: ProblemLevel;

  @Column({ type: "int", nullable: true })
  departmentId: number | null;

  @Field(() => Date, { nullable: true, description: "When the level holding it must answer" })
  @Column({ type: "datetime", nullable: true })
  dueAt: Date | null;

  @Field(() => ProblemReporterKindEnum)
  @Column({ type: "varchar", length: 12 })
  reporterKind: ProblemReporterKind;

  /** The user who reported it; null when a partner chamber's key did. */
  @Column({ type: "int", nullable: true })
  reportedBy: number | null;

  /** The partner chamber whose key reported it for a member enterprise (PROBLEMS_WRITE). */
  @Index()
  @Column({ type: "int", nullable: true })
  reportedByChamberId: number | null;

  /** The commissioner's visit it was raised from, if any. */
  @Index()
  @Column({ type: "int", nullable: true })
  visitId: number | null;

  @Field(() => String, { nullable: true, description: "The latest answer" })
  @Column({ type: "text", nullable: true })
  answer: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: "datetime", nullable: true })
  answeredAt: Date | null;

  @Column({ type: "int", nullable: true })
  answeredBy: number | null;

  @Field(() => ProblemRatingEnum, { nullable: true, description: "The enterprise's rating of the latest answer" })
  @Column({ type: "varchar", length: 20, nullable: true })
  rating: ProblemRating | null;

  @Field(() => String, { nullable: true, description: "What the level above said when it sent the problem back" })
  @Column({ type: "varchar", length: 1000, nullable: true })
  instructions: string | null;

  @Field(() => Int, { description: "How many times it went up a level" })
  @Column({ default: 0 })
  escalations: number;

  /** Whether a due date passed without an answer: the on-time rate counts problems without. */
  @Field({ description: "A due date passed without an answer at least once" })
  @Column({ default: false })
  late: boolean;

  @Field(() => Date, { nullable: true })
  @Column({ type: "datetime", nullable: true })
  closedAt: Date | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

@ObjectType({ implements: Node, description: "One step of a problem's timeline, which the enterprise sees" })
@Entity()
@Index(["problemId", "id"])
@Index(["departmentId", "problemId"])
export class ProblemEvent extends Node {
  @Column()
  problemId: number;

  @Field(() => ProblemEventKindEnum)
  @Column({ type: "varchar", length: 12 })
  kind: ProblemEventKind;

  @Field(() => ProblemLevelEnum)
  @Column({ type: "varchar", length: 16 })
  level: ProblemLevel;

  @Column({ type: "int", nullable: true })
  departmentId: number | null;

  /** Null for the escalation worker. */
  @Column({ type: "int", nullable: true })
  actorUserId: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 2000, nullable: true })
  note: string | null;

  /** A RATED step's rating: every round is kept, the figures count them all. */
  @Field(() => ProblemRatingEnum, { nullable: true, description: "The rating given at a RATED step" })
  @Column({ type: "varchar", length: 20, nullable: true })
  rating: ProblemRating | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
