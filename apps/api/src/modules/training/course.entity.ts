import { Field, ObjectType } from "type-graphql";
import { TEXT_LIMITS } from "@zuofu/shared";
import { Column, CreateDateColumn, Entity, Index } from "typeorm";
import { Node } from "../../graphql/node";

const listColumn = {
  to: (items: string[]) => items.join("|"),
  from: (value: string | null) => (value ? value.split("|") : []),
};

@ObjectType({ implements: Node, description: "A training course; it runs as numbered cohorts (第N期)" })
@Entity()
export class Course extends Node {
  @Field()
  @Index()
  @Column({ length: TEXT_LIMITS.Course.title })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  summary: string | null;

  @Field(() => String, { nullable: true, description: "e.g. 企业家精神, 经营管理, 数字化转型" })
  @Column({ type: "varchar", length: TEXT_LIMITS.Course.category, nullable: true })
  category: string | null;

  @Field(() => [String], { description: "Organizers, e.g. 中国（卢作孚）民营经济学院, 西南大学, 市工商联" })
  @Column({ type: "varchar", length: 300, transformer: listColumn })
  organizers: string[];

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
