import { In } from "typeorm";
import { byKey, defineLoader, groupByKey } from "../../graphql/context";
import { Enterprise } from "./enterprise.entity";
import { EnterpriseHonor } from "./enterprise-honor.entity";
import { SocialResponsibilityRecord } from "./social-responsibility-record.entity";

export const enterpriseById = defineLoader<number, Enterprise | null>("enterpriseById", async (ctx, ids) =>
  byKey(ids, await ctx.em.findBy(Enterprise, { id: In([...ids]) }), (e) => e.id),
);

export const honorsByEnterprise = defineLoader<number, EnterpriseHonor[]>("honorsByEnterprise", async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.em.find(EnterpriseHonor, { where: { enterpriseId: In([...ids]) }, order: { year: "DESC", id: "ASC" } }),
    (h) => h.enterpriseId,
  ),
);

export const socialRecordsByEnterprise = defineLoader<number, SocialResponsibilityRecord[]>(
  "socialRecordsByEnterprise",
  async (ctx, ids) =>
    groupByKey(
      ids,
      await ctx.em.find(SocialResponsibilityRecord, {
        where: { enterpriseId: In([...ids]) },
        order: { year: "DESC", id: "ASC" },
      }),
      (r) => r.enterpriseId,
    ),
);

export const honorById = defineLoader<number, EnterpriseHonor | null>("honorById", async (ctx, ids) =>
  byKey(ids, await ctx.em.findBy(EnterpriseHonor, { id: In([...ids]) }), (h) => h.id),
);

export const socialRecordById = defineLoader<number, SocialResponsibilityRecord | null>(
  "socialRecordById",
  async (ctx, ids) => byKey(ids, await ctx.em.findBy(SocialResponsibilityRecord, { id: In([...ids]) }), (r) => r.id),
);
