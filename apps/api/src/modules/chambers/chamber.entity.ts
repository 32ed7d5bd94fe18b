import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from "typeorm";
import type { ChamberRegionKind } from "@zuofu/shared";
import { Node } from "../../graphql/node";
import { ChamberRegionKindEnum } from "./chamber.enums";

@ObjectType({ implements: Node, description: "A partner chamber of commerce or association (合作商会)" })
@Entity()
@Index(["regionKind", "name"])
export class Chamber extends Node {
  @Field()
  @Index({ unique: true })
  @Column({ length: 100 })
  name: string;

  @Field(() => ChamberRegionKindEnum)
  @Column({ type: "varchar", length: 16 })
  regionKind: ChamberRegionKind;

  @Field({ description: "Where it is based, e.g. 重庆, 香港, 新加坡" })
  @Column({ length: 64 })
  city: string;

  @Field({ description: "Start of the partnership (YYYY-MM-DD)" })
  @Index()
  @Column({ type: "date" })
  partnerSince: string;

  @Field(() => String, { nullable: true, description: "Contact person and how to reach them" })
  @Column({ type: "varchar", length: 200, nullable: true })
  contact: string | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
