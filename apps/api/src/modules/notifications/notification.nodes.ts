import { definePolicy, rowsById } from "../../graphql/visibility";
import type { Notification } from "./notification.entity";
import { NotificationDelivery } from "./notification-delivery.entity";
import { notificationById } from "./notification.loaders";

/** A notification is its recipient's; staff read those of the deliveries that failed. */
export const notificationPolicies = {
  Notification: definePolicy<Notification>({
    byId: notificationById,
    sees: (ctx, n) => n.recipientUserId === ctx.viewer?.userId || ctx.hasRole("STAFF", "ADMIN"),
  }),
  NotificationDelivery: definePolicy<NotificationDelivery>({
    byId: rowsById(NotificationDelivery),
    sees: (ctx) => ctx.hasRole("STAFF", "ADMIN"),
  }),
};
