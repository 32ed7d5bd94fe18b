import { Field, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from "typeorm";
import type { HonorKind } from "@zuofu/shared";
import { Node } from "../../graphql/node";
import { HonorKindEnum } from "../../graphql/enums";
import {
  AwardCyclePhaseEnum,
  EligibilityRuleTypeEnum,
  type AwardCyclePhase,
  type EligibilityRuleType,
} from "./award.enums";

@ObjectType({ description: "One condition a nominee must meet, checked against the platform's own records" })
export class EligibilityRule {
  @Field(() => EligibilityRuleTypeEnum) type: EligibilityRuleType;
  @Field(() => HonorKindEnum, { nullable: true, description: "For HOLDS_HONOR" }) honorKind?: HonorKind | null;
  @Field(() => Int, { nullable: true, description: "For SOCIAL_RECORD_WITHIN_YEARS and NOT_RECENT_WINNER" })
  years?: number | null;
}

const jsonColumn = {
  to: (value: EligibilityRule[]) => JSON.stringify(value ?? []),
  from: (value: string | null) => (value ? (JSON.parse(value) as EligibilityRule[]) : []),
};

@ObjectType({ implements: Node, description: "One year of an award program, from drafting to the published results" })
@Entity()
@Index(["programId", "year"], { unique: true })
@Index(["year"])
export class AwardCycle extends Node {
  @Column()
  programId: number;

  @Field(() => Int)
  @Column()
  year: number;

  @Field(() => Int, { description: "How many winners the decision selects" })
  @Column()
  quota: number;

  @Field(() => AwardCyclePhaseEnum)
  @Column({ type: "varchar", length: 12 })
  phase: AwardCyclePhase;

  @Field(() => [EligibilityRule])
  @Column({ type: "text", transformer: jsonColumn })
  eligibilityRules: EligibilityRule[];

  @Field(() => Date, {
    nullable: true,
    description: "When the cycle first opened for nominations; judge conflicts look back to it",
  })
  @Column({ type: "datetime", nullable: true })
  openedAt: Date | null;

  @Field(() => Date, { nullable: true, description: "No nominations after this moment" })
  @Column({ type: "datetime", nullable: true })
  nominationsCloseAt: Date | null;

  @Field(() => Date, { nullable: true, description: "No score changes after this moment" })
  @Column({ type: "datetime", nullable: true })
  judgingEndsAt: Date | null;

  /** Why the decision departed from the ranking or came before all scores (staff read it). */
  @Column({ type: "varchar", length: 1000, nullable: true })
  decisionReason: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: "datetime", nullable: true })
  publishedAt: Date | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
