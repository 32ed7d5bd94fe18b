import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from "typeorm";
import { Node } from "../../graphql/node";

@ObjectType({ implements: Node, description: "A person who speaks at, hosts or joins events (主讲嘉宾)" })
@Entity()
export class Speaker extends Node {
  @Field()
  @Index()
  @Column({ length: 64 })
  name: string;

  @Field(() => String, { nullable: true, description: "Position or academic title, e.g. 教授, 董事长" })
  @Column({ type: "varchar", length: 100, nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true, description: "Organization, e.g. 西南大学经济管理学院, 市工商联" })
  @Column({ type: "varchar", length: 200, nullable: true })
  organization: string | null;

  /** Set when the speaker represents an enterprise of the platform. */
  @Index()
  @Column({ type: "int", nullable: true })
  enterpriseId: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  bio: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 500, nullable: true })
  photoUrl: string | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
