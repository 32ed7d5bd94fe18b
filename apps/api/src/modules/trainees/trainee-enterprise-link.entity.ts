import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index } from "typeorm";
import { Node } from "../../graphql/node";
import {
  TraineeEnterpriseLinkSourceEnum,
  TraineeEnterpriseLinkStatusEnum,
  type TraineeEnterpriseLinkSource,
  type TraineeEnterpriseLinkStatus,
} from "./trainee.enums";

/**
 * One period of a trainee at an enterprise (or the trainee's claim to one). `Trainee.enterpriseId`
 * is the current CONFIRMED link; the rows keep the history that judge conflicts look back on.
 */
@ObjectType({ implements: Node, description: "A trainee's link to an enterprise, claimed or on the record (任职关系)" })
@Entity()
@Index(["traineeId", "status"])
@Index(["status", "id"])
export class TraineeEnterpriseLink extends Node {
  @Column()
  traineeId: number;

  @Index()
  @Column()
  enterpriseId: number;

  @Field(() => TraineeEnterpriseLinkStatusEnum)
  @Column({ type: "varchar", length: 12 })
  status: TraineeEnterpriseLinkStatus;

  @Field(() => TraineeEnterpriseLinkSourceEnum)
  @Column({ type: "varchar", length: 8 })
  source: TraineeEnterpriseLinkSource;

  @Field(() => Date, { nullable: true, description: "When the link went on the record (null while pending)" })
  @Column({ type: "datetime", nullable: true })
  validFrom: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: "When the link ended (or the claim was closed); null while current",
  })
  @Column({ type: "datetime", nullable: true })
  validTo: Date | null;

  @Column({ type: "int", nullable: true })
  decidedByUserId: number | null;

  @Field(() => Date, { nullable: true, description: "When staff confirmed or rejected the claim" })
  @Column({ type: "datetime", nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: "Staff's reason for the decision" })
  @Column({ type: "varchar", length: 500, nullable: true })
  decisionReason: string | null;

  @Field({ description: "When the link was claimed or recorded" })
  @CreateDateColumn()
  createdAt: Date;
}
