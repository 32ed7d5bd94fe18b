import { Field, ObjectType } from "type-graphql";
import { TEXT_LIMITS } from "@zuofu/shared";
import { Column, Entity, Index } from "typeorm";
import { Node } from "../../graphql/node";

@ObjectType({ implements: Node, description: "One class day or half-day of a cohort" })
@Entity()
@Index(["cohortId", "startsAt"])
export class ClassSession extends Node {
  @Column()
  cohortId: number;

  @Field()
  @Column({ length: TEXT_LIMITS.ClassSession.topic })
  topic: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: TEXT_LIMITS.ClassSession.lecturer, nullable: true })
  lecturer: string | null;

  @Field()
  @Column({ type: "datetime" })
  startsAt: Date;

  @Field()
  @Column({ type: "datetime" })
  endsAt: Date;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: TEXT_LIMITS.ClassSession.venue, nullable: true })
  venue: string | null;
}
