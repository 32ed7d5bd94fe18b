import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from "typeorm";
import { Node } from "../../graphql/node";
import { NominationStatusEnum, NomineeKindEnum, type NominationStatus, type NomineeKind } from "./award.enums";

@ObjectType({ implements: Node, description: "A nominee put forward in one award cycle" })
@Entity()
@Index(["cycleId", "status"])
export class AwardNomination extends Node {
  @Column()
  cycleId: number;

  @Field(() => NomineeKindEnum)
  @Column({ type: "varchar", length: 24 })
  nomineeKind: NomineeKind;

  /** The nominee when it is an enterprise. */
  @Index()
  @Column({ type: "int", nullable: true })
  enterpriseId: number | null;

  /** The nominee when it is a person (an entrepreneur, or an individual business's proprietor). */
  @Index()
  @Column({ type: "int", nullable: true })
  traineeId: number | null;

  @Field({ description: "Why this nominee deserves the award" })
  @Column({ type: "text" })
  justification: string;

  @Field(() => NominationStatusEnum)
  @Column({ type: "varchar", length: 12 })
  status: NominationStatus;

  /**
   * "cycleId:E12" or "cycleId:T34" while the nomination is active, NULL once withdrawn: a unique
   * index on it lets the database refuse a second nomination of one nominee, also under concurrency.
   */
  @Index({ unique: true })
  @Column({ type: "varchar", length: 40, nullable: true })
  nomineeSlot: string | null;

  @Column({ type: "int", nullable: true })
  nominatedByUserId: number | null;

  /** Set when a partner chamber recommended the nominee through its API key. */
  @Index()
  @Column({ type: "int", nullable: true })
  nominatedByChamberId: number | null;

  /** The dossier as JSON, frozen when the cycle entered JUDGING; null while nominations are open. */
  @Column({ type: "text", nullable: true })
  dossierSnapshot: string | null;

  @Field(() => Date, { nullable: true, description: "When the dossier was frozen; null while it is computed live" })
  @Column({ type: "datetime", nullable: true })
  dossierFrozenAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: "datetime", nullable: true })
  withdrawnAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 500, nullable: true })
  withdrawReason: string | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

export const nomineeSlot = (cycleId: number, nominee: { enterpriseId: number | null; traineeId: number | null }) =>
  nominee.enterpriseId ? `${cycleId}:E${nominee.enterpriseId}` : `${cycleId}:T${nominee.traineeId}`;
