import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { ConnectionArgs } from "../../graphql/connection";
import { User } from "../accounts/user.entity";
import { userById } from "../accounts/account.loaders";
import type { RequestContext } from "../../graphql/context";
import { localId } from "../../graphql/ids";
import { Notification } from "./notification.entity";
import { NotificationChannelSetting } from "./notification-channel-setting.entity";
import { NotificationDelivery } from "./notification-delivery.entity";
import {
  MarkNotificationsReadInput,
  MarkNotificationsReadPayload,
  NotificationConnection,
  NotificationDeliveryConnection,
  NotificationListArgs,
  SetNotificationChannelsInput,
  SetNotificationChannelsPayload,
} from "./notification.inputs";
import * as notifications from "./notification.service";
import * as deliveries from "./notification-delivery.service";
import { notificationById } from "./notification.loaders";
import { join, Loads } from "../../loading/declare";

@Resolver(() => Notification)
export class NotificationResolver {
  @FieldResolver(() => String, { description: "The message, in the reader's language" })
  @Loads(Notification, { reads: "row" })
  message(@Root() notification: Notification, @Ctx() ctx: RequestContext): string {
    return notifications.notificationMessage(notification, ctx.locale);
  }

  @Query(() => NotificationConnection, { description: "The signed-in user's notifications, newest first" })
  myNotifications(@Ctx() ctx: RequestContext, @Args() args: NotificationListArgs) {
    return notifications.myNotifications(ctx, args);
  }

  @Query(() => Int, { description: "How many of the signed-in user's notifications are unread (the bell)" })
  unreadNotificationCount(@Ctx() ctx: RequestContext): Promise<number> {
    return notifications.unreadCount(ctx);
  }

  @Mutation(() => MarkNotificationsReadPayload, { description: "Marks some (ids) or all (all: true) as read" })
  async markNotificationsRead(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: MarkNotificationsReadInput,
  ): Promise<MarkNotificationsReadPayload> {
    const ids = input.ids?.map((id) => localId(id, "Notification"));
    return { ...(await notifications.markNotificationsRead(ctx, ids, Boolean(input.all))), userErrors: [] };
  }

  @Query(() => NotificationChannelSetting, {
    description: "Where the signed-in user's notifications go besides in-app",
  })
  myNotificationChannels(@Ctx() ctx: RequestContext): Promise<NotificationChannelSetting> {
    return deliveries.myChannels(ctx);
  }

  @Mutation(() => SetNotificationChannelsPayload, {
    description: "Chooses e-mail and SMS delivery; in-app is always on",
  })
  async setNotificationChannels(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: SetNotificationChannelsInput,
  ): Promise<SetNotificationChannelsPayload> {
    return { channels: await deliveries.setChannels(ctx, input), userErrors: [] };
  }

  @Query(() => NotificationDeliveryConnection, { description: "Staff: deliveries that failed every attempt" })
  deliveryFailures(@Ctx() ctx: RequestContext, @Args() args: ConnectionArgs) {
    return deliveries.deliveryFailures(ctx, args);
  }
}

@Resolver(() => NotificationDelivery)
export class NotificationDeliveryResolver {
  @FieldResolver(() => Notification)
  @Loads(NotificationDelivery, { joins: [join(Notification, "notificationId", notificationById)] })
  notification(@Root() delivery: NotificationDelivery, @Ctx() ctx: RequestContext) {
    return ctx.load(notificationById, delivery.notificationId);
  }

  @FieldResolver(() => User, { nullable: true })
  @Loads(NotificationDelivery)
  async recipient(@Root() delivery: NotificationDelivery, @Ctx() ctx: RequestContext) {
    const notification = await ctx.load(notificationById, delivery.notificationId);
    return notification ? ctx.load(userById, notification.recipientUserId) : null;
  }
}
