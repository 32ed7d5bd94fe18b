import { Field, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index } from "typeorm";
import { Node } from "../../graphql/node";

@ObjectType({ implements: Node, description: "A completed trainee's rating of a cohort or one of its sessions" })
@Entity()
@Index(["enrollmentId", "target"], { unique: true })
@Index(["cohortId"])
export class Feedback extends Node {
  @Column()
  enrollmentId: number;

  @Column()
  cohortId: number;

  @Column({ type: "int", nullable: true })
  sessionId: number | null;

  /** "cohort" or "session:<id>": one rating per enrollment and target. */
  @Column({ length: 24 })
  target: string;

  @Field(() => Int)
  @Column()
  rating: number;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 1000, nullable: true })
  comment: string | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
