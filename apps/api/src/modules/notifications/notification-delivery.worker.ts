import { randomUUID } from "node:crypto";
import { In } from "typeorm";
import { RequestContext, type AppServices } from "../../graphql/context";
import { User } from "../accounts/user.entity";
import { notificationSubject } from "@zuofu/shared";
import { claimDue } from "./due-claim";
import { Notification } from "./notification.entity";
import { NotificationChannelSetting } from "./notification-channel-setting.entity";
import { NotificationDelivery } from "./notification-delivery.entity";
import { chosenChannels, notificationMessage } from "./notification.service";
import type { OutgoingMessage, Senders } from "./notification-sender";
import { SmsGatewayError } from "../sms/sms.gateway";

export interface DeliveryPolicy {
  /** Attempts before a delivery is FAILED and listed for staff. */
  maxAttempts: number;
  /** Wait before the second attempt; it doubles with each further one. */
  backoffMs: number;
  /** A claim older than this belongs to a worker that died; it must exceed the senders' own timeouts. */
  leaseMs: number;
  batch: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 5,
  backoffMs: 60_000,
  leaseMs: 15 * 60_000,
  batch: 50,
};

/** Error texts of mail servers quote addresses; the failure list must not. */
function scrub(message: string): string {
  return message
    .replace(/[^\s<>@]+@[^\s<>@]+/g, "***@***")
    .replace(/\d{7,}/g, "***")
    .slice(0, 500);
}

/**
 * Sends what the outbox holds. Any number of these may run, in one process or many, on one
 * database: each row is claimed by one of them only, and its result is written under that claim.
 */
export class DeliveryWorker {
  constructor(
    private readonly services: AppServices,
    private readonly senders: Senders,
    private readonly policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY,
  ) {}

  private context(): RequestContext {
    return new RequestContext(this.services, null, "zh-CN", `delivery:${randomUUID()}`, "worker");
  }

  /** Claims one batch of due deliveries and sends them; answers how many it handled. */
  async runOnce(now = new Date()): Promise<number> {
    const ctx = this.context();
    const claimed = await claimDue(
      ctx,
      { target: NotificationDelivery, dueColumn: "next_attempt_at", claimed: "SENDING" },
      { now, limit: this.policy.batch, leaseMs: this.policy.leaseMs },
    );
    if (!claimed.length) return 0;
    const notifications = await ctx.em.findBy(Notification, { id: In(claimed.map((d) => d.notificationId)) });
    const byId = new Map(notifications.map((n) => [n.id, n]));
    const userIds = [...new Set(notifications.map((n) => n.recipientUserId))];
    const [users, settings] = await Promise.all([
      ctx.em.find(User, { select: { id: true, phone: true }, where: { id: In(userIds) } }),
      ctx.em.findBy(NotificationChannelSetting, { userId: In(userIds) }),
    ]);
    const phones = new Map(users.map((u) => [u.id, u.phone]));
    const settingOf = new Map(settings.map((s) => [s.userId, s]));
    for (const delivery of claimed) {
      const notification = byId.get(delivery.notificationId)!;
      const setting = settingOf.get(notification.recipientUserId);
      let error: string | null = null;
      let final = false;
      if (!chosenChannels(setting).includes(delivery.channel)) {
        error = "the recipient no longer receives this channel";
      } else {
        const locale = setting!.locale;
        const params = JSON.parse(notification.params) as Record<string, string | number>;
        const message: OutgoingMessage = {
          to: delivery.channel === "EMAIL" ? setting!.emailAddress! : phones.get(notification.recipientUserId)!,
          subject: notificationSubject(locale),
          text: notificationMessage(notification, locale),
          kind: notification.kind,
          params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
        };
        try {
          await this.senders[delivery.channel].send(message);
        } catch (err) {
          error = scrub(err instanceof Error ? err.message : String(err)) || "send failed";
          // A gateway that refused this number or template would refuse it again; throttling and outages pass.
          final = err instanceof SmsGatewayError && err.reason === "REJECTED";
        }
      }
      await this.settle(ctx, delivery, error, now, final);
    }
    return claimed.length;
  }

  /** Writes the outcome, only while this worker still holds the claim; a `final` failure is not tried again. */
  private async settle(
    ctx: RequestContext,
    delivery: NotificationDelivery,
    error: string | null,
    now: Date,
    final: boolean,
  ) {
    const last = final || delivery.attempts >= this.policy.maxAttempts;
    const values = !error
      ? { status: "SENT" as const, sentAt: new Date(), lastError: null, claimToken: null }
      : {
          status: last ? ("FAILED" as const) : ("PENDING" as const),
          lastError: error,
          claimToken: null,
          nextAttemptAt: new Date(now.getTime() + this.policy.backoffMs * 2 ** (delivery.attempts - 1)),
        };
    await ctx.transaction((tx) =>
      tx.em
        .createQueryBuilder()
        .update(NotificationDelivery)
        .set(values)
        .where("id = :id AND claim_token = :token", { id: delivery.id, token: delivery.claimToken })
        .execute(),
    );
  }
}
