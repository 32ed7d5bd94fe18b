import { registerEnumType } from "type-graphql";
import { NOTIFICATION_KINDS, type NotificationKind } from "@zuofu/shared";

export const NotificationKindEnum = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, k])) as Record<
  NotificationKind,
  NotificationKind
>;
registerEnumType(NotificationKindEnum, { name: "NotificationKind", description: "What happened" });

export const DELIVERY_CHANNELS = ["EMAIL", "SMS"] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
export const DeliveryChannelEnum = Object.fromEntries(DELIVERY_CHANNELS.map((c) => [c, c])) as Record<
  DeliveryChannel,
  DeliveryChannel
>;
registerEnumType(DeliveryChannelEnum, { name: "DeliveryChannel" });

/** PENDING waits for its time, SENDING is claimed by one worker, then SENT or, after the last attempt, FAILED. */
export const DELIVERY_STATUSES = ["PENDING", "SENDING", "SENT", "FAILED"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DeliveryStatusEnum = Object.fromEntries(DELIVERY_STATUSES.map((c) => [c, c])) as Record<
  DeliveryStatus,
  DeliveryStatus
>;
registerEnumType(DeliveryStatusEnum, { name: "DeliveryStatus" });
