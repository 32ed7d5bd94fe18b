import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { Node } from "../../graphql/node";

/**
 * A completion (or, later, award) certificate. What it certifies is copied in at issue time, so
 * verification answers what the paper says even if a course is renamed later.
 */
@ObjectType({ implements: Node })
@Entity()
export class Certificate extends Node {
  @Index({ unique: true })
  @Column({ type: "int", nullable: true })
  enrollmentId: number | null;

  @Index()
  @Column({ type: "int", nullable: true })
  traineeId: number | null;

  /** The commendation an award certificate certifies (modules/awards); null for completion certificates. */
  @Index({ unique: true })
  @Column({ type: "int", nullable: true })
  awardWinnerId: number | null;

  @Field({ description: "Readable serial number, e.g. ZF2024-041-0007" })
  @Index({ unique: true })
  @Column({ length: 32 })
  serial: string;

  /** Unguessable; printed as a QR code that opens the public verification page. */
  @Index({ unique: true })
  @Column({ length: 32 })
  verificationCode: string;

  @Field()
  @Column({ length: 64 })
  holderName: string;

  @Field()
  @Column({ length: 200 })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 100, nullable: true })
  courseTitle: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: "int", nullable: true })
  cohortNumber: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "date", nullable: true })
  startsOn: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "date", nullable: true })
  endsOn: string | null;

  @Field()
  @Column({ length: 100 })
  issuer: string;

  @Field()
  @Column({ type: "datetime" })
  issuedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: "datetime", nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 500, nullable: true })
  revokeReason: string | null;
}
