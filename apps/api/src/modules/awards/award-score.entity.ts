import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, UpdateDateColumn } from "typeorm";
import { Node } from "../../graphql/node";

@ObjectType({ implements: Node, description: "One judge's score of one criterion for one nomination" })
@Entity()
@Index(["assignmentId", "criterionId"], { unique: true })
@Index(["cycleId"])
export class AwardScore extends Node {
  @Column()
  cycleId: number;

  @Column()
  assignmentId: number;

  @Column()
  criterionId: number;

  @Field(() => Int, { description: "0 to 10" })
  @Column()
  score: number;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 1000, nullable: true })
  comment: string | null;

  @Field()
  @UpdateDateColumn()
  updatedAt: Date;
}
