import { Field, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index } from "typeorm";
import { Node } from "../../graphql/node";
import { NomineeKindEnum, WinnerSourceEnum, type NomineeKind, type WinnerSource } from "./award.enums";

@ObjectType({ implements: Node, description: "A commendation: one line of the honor roll once published" })
@Entity()
@Index(["year", "programId"])
@Index(["publishedAt"])
export class AwardWinner extends Node {
  @Column()
  programId: number;

  /** Null for commendations imported from before the platform. */
  @Index()
  @Column({ type: "int", nullable: true })
  cycleId: number | null;

  @Field(() => Int)
  @Column()
  year: number;

  @Field(() => Int, { nullable: true, description: "Place in the cycle's decision; null for imported ones" })
  @Column({ type: "int", nullable: true })
  rank: number | null;

  @Field(() => NomineeKindEnum)
  @Column({ type: "varchar", length: 24 })
  nomineeKind: NomineeKind;

  @Field({ description: "The enterprise's or the person's name, as commended" })
  @Column({ length: 100 })
  name: string;

  @Field(() => String, { nullable: true, description: "The enterprise, or the person's enterprise, as commended" })
  @Column({ type: "varchar", length: 100, nullable: true })
  enterpriseName: string | null;

  @Index()
  @Column({ type: "int", nullable: true })
  enterpriseId: number | null;

  @Index()
  @Column({ type: "int", nullable: true })
  traineeId: number | null;

  @Index({ unique: true })
  @Column({ type: "int", nullable: true })
  nominationId: number | null;

  /** "programId:year:E12", ":T34" or ":N<name>": one commendation per winner, program and year. */
  @Index({ unique: true })
  @Column({ length: 160 })
  rollKey: string;

  @Field(() => WinnerSourceEnum)
  @Column({ type: "varchar", length: 12 })
  source: WinnerSource;

  @Field(() => Date, { nullable: true, description: "Null until the results are published" })
  @Column({ type: "datetime", nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}

export const rollKey = (
  programId: number,
  year: number,
  who: { enterpriseId: number | null; traineeId: number | null; name: string },
) =>
  `${programId}:${year}:${who.traineeId ? `T${who.traineeId}` : who.enterpriseId ? `E${who.enterpriseId}` : `N${who.name}`}`;
