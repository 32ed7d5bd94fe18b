import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import type { HonorKind, HonorLevel } from "@zuofu/shared";
import { Node } from "../../graphql/node";
import { HonorKindEnum, HonorLevelEnum } from "../../graphql/enums";

@ObjectType({ implements: Node, description: "An honor an enterprise holds (专精特新, 小巨人, …)" })
@Entity()
@Index(["kind", "year"])
export class EnterpriseHonor extends Node {
  @Index()
  @Column()
  enterpriseId: number;

  @Field(() => HonorKindEnum)
  @Column({ type: "varchar", length: 32 })
  kind: HonorKind;

  @Field(() => HonorLevelEnum)
  @Column({ type: "varchar", length: 16 })
  level: HonorLevel;

  @Field(() => Int)
  @Column()
  year: number;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 64, nullable: true })
  certificateNumber: string | null;

  @Field(() => String, { nullable: true, description: "Last day the honor is valid (YYYY-MM-DD)" })
  @Column({ type: "date", nullable: true })
  validUntil: string | null;
}
