import { childrenLoader } from "../../loading/nested-page";
import { In } from "typeorm";
import { byIdLoader, defineLoader, groupByKey } from "../../loading/loader";
import { Enterprise } from "./enterprise.entity";
import { EnterpriseHonor } from "./enterprise-honor.entity";
import { SocialResponsibilityRecord } from "./social-responsibility-record.entity";

export const enterpriseById = byIdLoader("enterpriseById", Enterprise);

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

export const honorById = byIdLoader("honorById", EnterpriseHonor);

export const socialRecordById = byIdLoader("socialRecordById", SocialResponsibilityRecord);
