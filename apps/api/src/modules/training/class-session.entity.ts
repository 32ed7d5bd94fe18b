import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { Node } from "../../graphql/node";

@ObjectType({ implements: Node, description: "One class day or half-day of a cohort" })
@Entity()
@Index(["cohortId", "startsAt"])
export class ClassSession extends Node {
  @Column()
  cohortId: number;

  @Field()
  @Column({ length: 200 })
  topic: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 100, nullable: true })
  lecturer: string | null;

  @Field()
  @Column({ type: "datetime" })
  startsAt: Date;

  @Field()
  @Column({ type: "datetime" })
  endsAt: Date;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 200, nullable: true })
  venue: string | null;
}
