import { Field, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index } from "typeorm";
import { Node } from "../../graphql/node";
import {
  DeliveryChannelEnum,
  DeliveryStatusEnum,
  type DeliveryChannel,
  type DeliveryStatus,
} from "./notification.enums";

/**
 * The outbox: one row per notification and chosen channel, written in the notification's own
 * transaction. The unique pair and the claim token make sure one notification goes out once per channel.
 */
@ObjectType({ implements: Node, description: "A notification queued for e-mail or SMS" })
@Entity()
@Index(["notificationId", "channel"], { unique: true })
@Index(["status", "nextAttemptAt"])
export class NotificationDelivery extends Node {
  @Column()
  notificationId: number;

  @Field(() => DeliveryChannelEnum)
  @Column({ type: "varchar", length: 8 })
  channel: DeliveryChannel;

  @Field(() => DeliveryStatusEnum)
  @Column({ type: "varchar", length: 8 })
  status: DeliveryStatus;

  @Field(() => Int)
  @Column({ default: 0 })
  attempts: number;

  @Column({ type: "datetime" })
  nextAttemptAt: Date;

  /** Set by the conditional UPDATE that claims the row: only the worker holding it sends. */
  @Index()
  @Column({ type: "varchar", length: 36, nullable: true })
  claimToken: string | null;

  @Column({ type: "datetime", nullable: true })
  claimedAt: Date | null;

  @Field(() => String, { nullable: true, description: "The sender's last complaint, without addresses" })
  @Column({ type: "varchar", length: 500, nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: "datetime", nullable: true })
  sentAt: Date | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
