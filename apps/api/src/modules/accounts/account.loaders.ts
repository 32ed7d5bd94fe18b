import { In } from "typeorm";
import { byKey, defineLoader } from "../../graphql/context";
import { User } from "./user.entity";

export const userById = defineLoader<number, User | null>("userById", async (ctx, ids) =>
  byKey(ids, await ctx.em.findBy(User, { id: In([...ids]) }), (u) => u.id),
);
