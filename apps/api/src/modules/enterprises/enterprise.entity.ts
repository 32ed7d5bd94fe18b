import { Field, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from "typeorm";
import type { EnterpriseSize } from "@zuofu/shared";
import { Node } from "../../graphql/node";
import { EnterpriseSizeEnum } from "../../graphql/enums";

@ObjectType({ implements: Node, description: "A private enterprise, keyed by its unified social credit code" })
@Entity()
export class Enterprise extends Node {
  @Field()
  @Index()
  @Column({ length: 100 })
  name: string;

  @Field({ description: "Unified social credit code (统一社会信用代码), 18 characters" })
  @Index({ unique: true })
  @Column({ length: 18 })
  creditCode: string;

  /**
   * The phone the enterprise has on file (登记电话, a mobile): a code sent to it makes the person who
   * typed it the enterprise's contact at the service desk at once. Not exposed through the API.
   */
  @Index()
  @Column({ type: "varchar", length: 11, nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 64, nullable: true })
  industry: string | null;

  @Field(() => String, { nullable: true, description: "Town or street of Beibei (镇街)" })
  @Column({ type: "varchar", length: 64, nullable: true })
  town: string | null;

  @Field(() => EnterpriseSizeEnum, { nullable: true })
  @Column({ type: "varchar", length: 8, nullable: true })
  size: EnterpriseSize | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: "int", nullable: true })
  foundedYear: number | null;

  @Field()
  @Column({ default: false })
  listed: boolean;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 16, nullable: true })
  stockCode: string | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
