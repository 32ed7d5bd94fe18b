import { In, IsNull } from "typeorm";
import { renderNotification, type Locale, type NotificationKind } from "@zuofu/shared";
import type { RequestContext } from "../../graphql/context";
import { paginate, type Page } from "../../graphql/connection";
import { fail } from "../../graphql/errors";
import { Notification } from "./notification.entity";
import { NotificationChannelSetting } from "./notification-channel-setting.entity";
import { NotificationDelivery } from "./notification-delivery.entity";
import type { DeliveryChannel } from "./notification.enums";

export type NotificationParams = Record<string, string | number>;

/** The channels besides in-app that a user's settings ask for. */
export function chosenChannels(setting: NotificationChannelSetting | null | undefined): DeliveryChannel[] {
  if (!setting) return [];
  return [
    ...(setting.email && setting.emailAddress ? ["EMAIL" as const] : []),
    ...(setting.sms ? ["SMS" as const] : []),
  ];
}

/**
 * Tells each of `userIds` once (duplicates collapse) about `kind`, and queues it in the outbox for
 * each channel the person chose. It must run inside the change's own transaction, so that the
 * notification and its deliveries exist exactly when the change does. `perRecipient` adds params
 * that differ by person, e.g. how many nominations each judge got.
 */
export async function notify(
  tx: RequestContext,
  userIds: number[],
  kind: NotificationKind,
  params: NotificationParams = {},
  perRecipient?: (userId: number) => NotificationParams,
): Promise<void> {
  if (!tx.inTransaction) throw new Error(`notify(${kind}) outside a transaction`);
  const recipients = [...new Set(userIds)];
  const rows = recipients.map((recipientUserId) => ({
    recipientUserId,
    kind,
    params: JSON.stringify({ ...params, ...perRecipient?.(recipientUserId) }),
    readAt: null,
  }));
  if (!rows.length) return;
  const settings = await tx.em.findBy(NotificationChannelSetting, { userId: In(recipients) });
  const channels = new Map(settings.map((s) => [s.userId, chosenChannels(s)]));
  const plain = rows.filter((r) => !channels.get(r.recipientUserId)?.length);
  for (let i = 0; i < plain.length; i += 500) await tx.em.insert(Notification, plain.slice(i, i + 500));
  const now = new Date();
  // Rows with deliveries are inserted one by one: their ids are needed, and few people choose a channel.
  for (const row of rows.filter((r) => channels.get(r.recipientUserId)?.length)) {
    const notificationId = (await tx.em.insert(Notification, row)).identifiers[0].id as number;
    await tx.em.insert(
      NotificationDelivery,
      channels.get(row.recipientUserId)!.map((channel) => ({
        notificationId,
        channel,
        status: "PENDING" as const,
        attempts: 0,
        nextAttemptAt: now,
      })),
    );
  }
}

export function notificationMessage(notification: Notification, locale: Locale): string {
  return renderNotification(notification.kind, locale, JSON.parse(notification.params) as NotificationParams);
}

/** The signed-in user's notifications, newest first. */
export function myNotifications(
  ctx: RequestContext,
  args: { first?: number; after?: string; unreadOnly?: boolean },
): Promise<Page<Notification>> {
  const viewer = ctx.requireViewer();
  const qb = ctx.em.createQueryBuilder(Notification, "n").where("n.recipient_user_id = :u", { u: viewer.userId });
  if (args.unreadOnly) qb.andWhere("n.read_at IS NULL");
  // Ids grow with time and, unlike datetimes, compare the same way on both databases.
  return paginate(qb, args, [{ expr: "n.id", value: (n: Notification) => n.id, direction: "DESC" }]);
}

export function unreadCount(ctx: RequestContext): Promise<number> {
  const viewer = ctx.requireViewer();
  return ctx.em.countBy(Notification, { recipientUserId: viewer.userId, readAt: IsNull() });
}

/**
 * Marks the listed notifications of the signed-in user, or all of them, as read. Someone else's
 * notification answers NOT_FOUND, like one that does not exist; already read ones stay as they were.
 */
export async function markNotificationsRead(
  ctx: RequestContext,
  ids: (number | null)[] | undefined,
  all: boolean,
): Promise<{ markedCount: number; unreadCount: number }> {
  const viewer = ctx.requireViewer();
  if (!all && !ids?.length) fail("REQUIRED", "ids");
  if (all && ids?.length) fail("INVALID_VALUE", "all");
  const wanted = all ? [] : [...new Set(ids)];
  if (wanted.includes(null)) fail("NOT_FOUND", "ids");
  return ctx.transaction(async (tx) => {
    const where = { recipientUserId: viewer.userId, readAt: IsNull() };
    if (!all) {
      const owned = await tx.em.countBy(Notification, { recipientUserId: viewer.userId, id: In(wanted) });
      if (owned !== wanted.length) fail("NOT_FOUND", "ids");
    }
    const result = await tx.em.update(Notification, all ? where : { ...where, id: In(wanted as number[]) }, {
      readAt: new Date(),
    });
    return { markedCount: result.affected ?? 0, unreadCount: await unreadCount(tx) };
  });
}
