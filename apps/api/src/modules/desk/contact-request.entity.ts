import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index } from "typeorm";
import type { ContactRequestStatus } from "@zuofu/shared";
import { Node } from "../../graphql/node";
import { ContactRequestStatusEnum } from "./desk.enums";

/**
 * A person's request to become an enterprise's contact at the desk (绑定企业), by its credit code:
 * confirmed at once when a phone code proves the phone the enterprise has on file, otherwise it
 * waits for staff, like a claim on a trainee record (TraineeClaim). A confirmed request is an
 * EnterpriseContact row; the request stays as the record of how it came about.
 */
@ObjectType({ implements: Node, description: "A request to become an enterprise's contact at the service desk" })
@Entity()
export class EnterpriseContactRequest extends Node {
  @Index()
  @Column()
  userId: number;

  @Index()
  @Column()
  enterpriseId: number;

  @Field(() => ContactRequestStatusEnum)
  @Index()
  @Column({ type: "varchar", length: 12 })
  status: ContactRequestStatus;

  @Field({ description: "Confirmed by a phone code to the enterprise's phone on file, not by staff" })
  @Column({ default: false })
  byPhoneCode: boolean;

  @Field(() => String, { nullable: true, description: "Staff's reason, given with a rejection" })
  @Column({ type: "varchar", length: 200, nullable: true })
  decisionNote: string | null;

  @Column({ type: "int", nullable: true })
  decidedBy: number | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: "datetime", nullable: true })
  decidedAt: Date | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
