import { In } from "typeorm";
import { byKey, defineLoader } from "../../graphql/context";
import { Notification } from "./notification.entity";

export const notificationById = defineLoader<number, Notification | null>("notificationById", async (ctx, ids) =>
  byKey(ids, await ctx.em.findBy(Notification, { id: In([...ids]) }), (n) => n.id),
);
