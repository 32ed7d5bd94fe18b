import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import type { SocialProgramme } from "@zuofu/shared";
import { Node } from "../../graphql/node";
import { SocialProgrammeEnum } from "../../graphql/enums";

@ObjectType({ implements: Node, description: "Social responsibility: village help, donations, poverty relief" })
@Entity()
@Index(["programme", "year"])
export class SocialResponsibilityRecord extends Node {
  @Index()
  @Column()
  enterpriseId: number;

  @Field(() => SocialProgrammeEnum)
  @Column({ type: "varchar", length: 32 })
  programme: SocialProgramme;

  @Field(() => Int, { description: "Amount in yuan" })
  @Column({ type: "bigint", transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  amountYuan: number;

  @Field(() => Int)
  @Column()
  year: number;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 500, nullable: true })
  description: string | null;
}
