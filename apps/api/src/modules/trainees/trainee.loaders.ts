import { In } from "typeorm";
import { byKey, defineLoader } from "../../graphql/context";
import { Trainee } from "./trainee.entity";

export const traineeById = defineLoader<number, Trainee | null>("traineeById", async (ctx, ids) =>
  byKey(ids, await ctx.em.findBy(Trainee, { id: In([...ids]) }), (t) => t.id),
);

export const traineeByUser = defineLoader<number, Trainee | null>("traineeByUser", async (ctx, userIds) =>
  byKey(userIds, await ctx.em.findBy(Trainee, { userId: In([...userIds]) }), (t) => t.userId!),
);
