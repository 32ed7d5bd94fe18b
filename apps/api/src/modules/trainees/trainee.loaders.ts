import { In } from "typeorm";
import { byKey, byIdLoader, defineLoader, groupByKey } from "../../loading/loader";
import { Trainee } from "./trainee.entity";
import { TraineeEnterpriseLink } from "./trainee-enterprise-link.entity";

export const traineeById = byIdLoader("traineeById", Trainee);

export const traineeByUser = defineLoader<number, Trainee | null>("traineeByUser", async (ctx, userIds) =>
  byKey(userIds, await ctx.em.findBy(Trainee, { userId: In([...userIds]) }), (t) => t.userId!),
);

/** Each trainee's enterprise links, newest first (the history, claims included). */
export const enterpriseLinksByTrainee = defineLoader<number, TraineeEnterpriseLink[]>(
  "enterpriseLinksByTrainee",
  async (ctx, ids) =>
    groupByKey(
      ids,
      await ctx.em.find(TraineeEnterpriseLink, { where: { traineeId: In([...ids]) }, order: { id: "DESC" } }),
      (l) => l.traineeId,
    ),
);

export const enterpriseLinkById = byIdLoader("enterpriseLinkById", TraineeEnterpriseLink);
