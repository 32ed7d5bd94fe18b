import { Field, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index } from "typeorm";
import type { ApiKeyScope } from "@zuofu/shared";
import { Node } from "../../graphql/node";
import { ApiKeyScopeEnum } from "./chamber.enums";

const scopesColumn = {
  to: (scopes: ApiKeyScope[]) => scopes.join(","),
  from: (value: string | null) => (value ? (value.split(",") as ApiKeyScope[]) : []),
};

/**
 * A partner chamber's key to the API. The secret is shown once; only its SHA-256 is stored: the
 * secret is 256 random bits, so a hash without a key is as safe against guessing, and rotating
 * SESSION_SECRET does not break every partner's integration.
 */
@ObjectType({ implements: Node, description: "A partner chamber's API key; the secret itself is never shown again" })
@Entity()
export class ApiKey extends Node {
  @Index()
  @Column()
  chamberId: number;

  @Field({ description: "What the key is for, e.g. 会员管理系统" })
  @Column({ length: 64 })
  label: string;

  @Field({ description: "The secret's first characters (zfk_…), to tell keys apart" })
  @Index({ unique: true })
  @Column({ length: 16 })
  prefix: string;

  @Index({ unique: true })
  @Column({ length: 64 })
  secretHash: string;

  @Field(() => [ApiKeyScopeEnum])
  @Column({ type: "varchar", length: 64, transformer: scopesColumn })
  scopes: ApiKeyScope[];

  @Field(() => Int, { description: "Rate-limit points the key may spend per hour" })
  @Column()
  hourlyBudget: number;

  @Field()
  @Column({ type: "datetime" })
  expiresAt: Date;

  @Field(() => Date, { nullable: true, description: "Written at most once a minute" })
  @Column({ type: "datetime", nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: "datetime", nullable: true })
  revokedAt: Date | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
