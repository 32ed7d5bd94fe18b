import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { Node } from "../../graphql/node";

@ObjectType({ implements: Node, description: "What judges score, 0 to 10, with its weight in the ranking" })
@Entity()
@Index(["cycleId", "position"])
export class AwardCriterion extends Node {
  @Column()
  cycleId: number;

  @Field()
  @Column({ length: 100 })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 500, nullable: true })
  description: string | null;

  @Field(() => Int, { description: "Relative weight, 1 to 100" })
  @Column()
  weight: number;

  @Field(() => Int, { description: "Order on the score sheet" })
  @Column()
  position: number;
}
