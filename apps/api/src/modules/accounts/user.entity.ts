import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from "typeorm";
import type { Role } from "@zuofu/shared";
import { Node } from "../../graphql/node";
import { RoleEnum } from "../../graphql/enums";

const rolesColumn = {
  to: (roles: Role[]) => roles.join(","),
  from: (value: string | null) => (value ? (value.split(",") as Role[]) : []),
};

@ObjectType({ implements: Node, description: "A person who can sign in" })
@Entity()
export class User extends Node {
  @Field()
  @Column({ length: 64 })
  name: string;

  /** Login name; read through the masking field resolver. */
  @Index({ unique: true })
  @Column({ length: 20 })
  phone: string;

  @Column({ length: 200 })
  passwordHash: string;

  @Field(() => [RoleEnum])
  // Wide enough for every role at once (nine, with the service desk's).
  @Column({ type: "varchar", length: 160, transformer: rolesColumn })
  roles: Role[];

  @Field({ description: "Disabled accounts cannot sign in" })
  @Column({ default: true })
  active: boolean;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
