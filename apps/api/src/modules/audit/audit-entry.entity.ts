import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index } from "typeorm";
import { Node } from "../../graphql/node";

@ObjectType({ implements: Node, description: "A record of one state change (or one unmasked read)" })
@Entity()
@Index(["subjectType", "subjectId"])
@Index(["createdAt"])
export class AuditEntry extends Node {
  @Index()
  @Column({ type: "int", nullable: true })
  actorUserId: number | null;

  @Field({
    description: "Who acted, as recorded: user:<id> for people (see actor), a partner key's prefix, or anonymous",
  })
  @Column({ length: 100 })
  actorLabel: string;

  @Field({ description: "What happened, e.g. trainee.update" })
  @Index()
  @Column({ length: 64 })
  action: string;

  @Field({ description: "Type of the object acted on" })
  @Column({ length: 64 })
  subjectType: string;

  @Column({ type: "int", nullable: true })
  subjectId: number | null;

  @Field({ description: "JSON with what changed; never personal data in clear" })
  @Column({ type: "text" })
  details: string;

  @Field()
  @Column({ length: 64 })
  requestId: string;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
