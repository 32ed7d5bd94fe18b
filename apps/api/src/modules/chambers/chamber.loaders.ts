import { In } from "typeorm";
import { byIdLoader, defineLoader, groupByKey } from "../../loading/loader";
import { nestedPageLoader } from "../../loading/nested-page";
import { ApiKey } from "./api-key.entity";
import { Chamber } from "./chamber.entity";
import { ChamberMembership } from "./chamber-membership.entity";

export const chamberById = byIdLoader("chamberById", Chamber);

export const apiKeyById = byIdLoader("apiKeyById", ApiKey);

export const apiKeysByChamber = defineLoader<number, ApiKey[]>("apiKeysByChamber", async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.em.find(ApiKey, { where: { chamberId: In([...ids]) }, order: { id: "DESC" } }),
    (k) => k.chamberId,
  ),
);

/** A page of memberships per chamber, in order of joining, in one statement for many chambers. */
export const membershipsByChamber = nestedPageLoader<ChamberMembership>(
  "membershipsByChamber",
  ChamberMembership,
  "chamberId",
);

export const memberCountByChamber = defineLoader<number, number>("memberCountByChamber", async (ctx, ids) => {
  const rows = await ctx.em
    .createQueryBuilder(ChamberMembership, "m")
    .select("m.chamber_id", "cid")
    .addSelect("COUNT(*)", "n")
    .where("m.chamber_id IN (:...ids)", { ids })
    .groupBy("m.chamber_id")
    .getRawMany<{ cid: number; n: string | number }>();
  const counts = new Map(rows.map((r) => [Number(r.cid), Number(r.n)]));
  return ids.map((id) => counts.get(id) ?? 0);
});

/** Chamber ids per enterprise. */
export const chamberIdsByEnterprise = defineLoader<number, number[]>("chamberIdsByEnterprise", async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.em.find(ChamberMembership, {
      select: { chamberId: true, enterpriseId: true },
      where: { enterpriseId: In([...ids]) },
      order: { chamberId: "ASC" },
    }),
    (m) => m.enterpriseId,
  ).map((rows) => rows.map((m) => m.chamberId)),
);
