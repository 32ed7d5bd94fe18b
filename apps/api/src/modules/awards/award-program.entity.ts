import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from "typeorm";
import { Node } from "../../graphql/node";
import { NomineeKindEnum, type NomineeKind } from "./award.enums";

@ObjectType({ implements: Node, description: "An award given every year (卢作孚光彩奖, 优秀民营企业, …)" })
@Entity()
export class AwardProgram extends Node {
  @Field()
  @Index({ unique: true })
  @Column({ length: 100 })
  name: string;

  @Field(() => NomineeKindEnum, { description: "Who can be nominated" })
  @Column({ type: "varchar", length: 24 })
  nomineeKind: NomineeKind;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
