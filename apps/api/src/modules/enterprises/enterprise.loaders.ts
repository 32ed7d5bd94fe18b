import { childrenLoader } from "../../graphql/nested-page";
import { In } from "typeorm";
import { byKey, defineLoader, groupByKey } from "../../graphql/context";
import { Enterprise } from "./enterprise.entity";
import { EnterpriseHonor } from "./enterprise-honor.entity";
import { SocialResponsibilityRecord } from "./social-responsibility-record.entity";

export const enterpriseById = defineLoader<number, Enterprise | null>("enterpriseById", async (ctx, ids) =>
  byKey(ids, await ctx.em.findBy(Enterprise, { id: In([...ids]) }), (e) => e.id),
);

export const honorsByEnterprise = childrenLoader("honorsByEnterprise", EnterpriseHonor, "enterpriseId", [
  ["year", "DESC"],
  ["id", "ASC"],
]);

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
