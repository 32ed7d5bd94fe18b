import type { RequestContext } from "../../graphql/context";
import { paginate, type ConnectionArgs, type Page } from "../../graphql/connection";
import { InputCheck } from "../../common/input-check";
import { audit } from "../audit/audit.service";
import { NotificationChannelSetting } from "./notification-channel-setting.entity";
import { NotificationDelivery } from "./notification-delivery.entity";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ChannelChoice {
  email: boolean;
  sms: boolean;
  emailAddress?: string | null;
}

/** The signed-in user's channels; nobody has chosen any until they do. */
export async function myChannels(ctx: RequestContext): Promise<NotificationChannelSetting> {
  const viewer = ctx.requireViewer();
  return (
    (await ctx.em.findOneBy(NotificationChannelSetting, { userId: viewer.userId })) ??
    ctx.em.create(NotificationChannelSetting, { userId: viewer.userId, email: false, sms: false, emailAddress: null })
  );
}

/** Sets where the signed-in user's notifications go; deliveries are written in the language used here. */
export async function setChannels(ctx: RequestContext, input: ChannelChoice): Promise<NotificationChannelSetting> {
  const viewer = ctx.requireViewer();
  const check = new InputCheck();
  const address = check.text(input.emailAddress, "emailAddress", { max: 254 });
  if (address && !EMAIL.test(address)) check.add("INVALID_VALUE", "emailAddress");
  check.done();
  return ctx.transaction(async (tx) => {
    const setting =
      (await tx.em.findOneBy(NotificationChannelSetting, { userId: viewer.userId })) ??
      tx.em.create(NotificationChannelSetting, { userId: viewer.userId, emailAddress: null });
    if (address !== undefined) setting.emailAddress = address;
    if (input.email && !setting.emailAddress) check.add("REQUIRED", "emailAddress");
    check.done();
    Object.assign(setting, { email: input.email, sms: input.sms, locale: tx.locale });
    await tx.em.save(setting);
    await audit(
      tx,
      "notificationChannels.set",
      { type: "User", id: viewer.userId },
      { email: setting.email, sms: setting.sms },
    );
    return setting;
  });
}

/** Staff see what could not be delivered after every attempt, newest first. */
export function deliveryFailures(ctx: RequestContext, args: ConnectionArgs): Promise<Page<NotificationDelivery>> {
  ctx.requireRole("STAFF");
  const qb = ctx.em.createQueryBuilder(NotificationDelivery, "d").where("d.status = 'FAILED'");
  return paginate(qb, args, [{ expr: "d.id", value: (d: NotificationDelivery) => d.id, direction: "DESC" }]);
}
