import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index } from "typeorm";
import type { NotificationKind } from "@zuofu/shared";
import { Node } from "../../graphql/node";
import { NotificationKindEnum } from "./notification.enums";

/** One thing that changed for one person; the text is rendered in the reader's language when read. */
@ObjectType({ implements: Node, description: "A message to one user about a change that concerns them" })
@Entity()
@Index(["recipientUserId", "id"])
@Index(["recipientUserId", "readAt"])
export class Notification extends Node {
  @Column()
  recipientUserId: number;

  @Field(() => NotificationKindEnum)
  @Column({ type: "varchar", length: 24 })
  kind: NotificationKind;

  /** JSON object of the message's placeholders, e.g. `{"cohort":"第5期"}`, snapshotted at the change. */
  @Column({ type: "text" })
  params: string;

  @Field(() => Date, { nullable: true })
  @Column({ type: "datetime", nullable: true })
  readAt: Date | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
