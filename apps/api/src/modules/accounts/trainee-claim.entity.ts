import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index } from "typeorm";
import type { TraineeClaimStatus } from "@zuofu/shared";
import { Node } from "../../graphql/node";
import { TraineeClaimStatusEnum } from "../../graphql/enums";

/**
 * An account's claim on an imported trainee record whose phone it proved by code, but whose name or
 * ID-card number disagreed with what the person typed: staff confirm or reject it. The record's own
 * name and ID number never change by a claim.
 */
@ObjectType({ implements: Node, description: "A claim on an imported trainee record, waiting for staff (档案认领)" })
@Entity()
export class TraineeClaim extends Node {
  @Index()
  @Column()
  userId: number;

  @Index()
  @Column()
  traineeId: number;

  @Field(() => TraineeClaimStatusEnum)
  @Index()
  @Column({ type: "varchar", length: 12 })
  status: TraineeClaimStatus;

  @Field({ description: "The name the person typed" })
  @Column({ length: 64 })
  typedName: string;

  /** Keyed hash of the ID-card number the person typed, when they typed one. */
  @Column({ type: "varchar", length: 64, nullable: true })
  typedIdCardHash: string | null;

  @Field(() => String, { nullable: true, description: "The typed ID-card number, masked (first six, last four)" })
  @Column({ type: "varchar", length: 18, nullable: true })
  typedIdCardMasked: string | null;

  @Field(() => [String], { description: "What disagreed with the record: NAME, ID_CARD" })
  @Column({
    type: "varchar",
    length: 32,
    transformer: { to: (v: string[]) => v.join(","), from: (v: string) => (v ? v.split(",") : []) },
  })
  mismatches: string[];

  @Field(() => String, { nullable: true, description: "Staff's reason, given with the decision" })
  @Column({ type: "varchar", length: 200, nullable: true })
  decisionNote: string | null;

  @Column({ type: "int", nullable: true })
  decidedBy: number | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: "datetime", nullable: true })
  decidedAt: Date | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
