import { Field, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index } from "typeorm";
import { Node } from "../../graphql/node";

@ObjectType({ implements: Node, description: "A trainee's personal calendar subscription at a secret URL" })
@Entity()
export class CalendarFeed extends Node {
  @Index({ unique: true })
  @Column()
  traineeId: number;

  /** Keyed hash of the URL's token (NULL once revoked): a database dump holds no usable feed URL. */
  @Index({ unique: true })
  @Column({ type: "varchar", length: 64, nullable: true })
  tokenHash: string | null;

  @Field(() => Int, { description: "The reminder alarm fires this many minutes before each entry" })
  @Column()
  reminderMinutes: number;

  @Field({ description: "When the current URL was made" })
  @Column({ type: "datetime" })
  issuedAt: Date;

  @Field(() => Date, { nullable: true, description: "Set once revoked; the URL then answers 404" })
  @Column({ type: "datetime", nullable: true })
  revokedAt: Date | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
