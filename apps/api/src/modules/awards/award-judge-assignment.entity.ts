import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index } from "typeorm";
import { Node } from "../../graphql/node";

@ObjectType({ implements: Node, description: "A judge assigned to score one nomination" })
@Entity()
@Index(["nominationId", "judgeUserId"], { unique: true })
@Index(["judgeUserId", "cycleId"])
@Index(["cycleId"])
export class AwardJudgeAssignment extends Node {
  @Column()
  cycleId: number;

  @Column()
  nominationId: number;

  @Column()
  judgeUserId: number;

  @Field(() => Date, { nullable: true, description: "When the judge declared a conflict of interest" })
  @Column({ type: "datetime", nullable: true })
  conflictDeclaredAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 500, nullable: true })
  conflictReason: string | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
