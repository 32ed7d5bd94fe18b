import { definePolicy, everyone } from "../../graphql/visibility";
import type { Enterprise } from "./enterprise.entity";
import type { EnterpriseHonor } from "./enterprise-honor.entity";
import type { SocialResponsibilityRecord } from "./social-responsibility-record.entity";
import { enterpriseById, honorById, socialRecordById } from "./enterprise.loaders";

/** Public business data: everyone. */
export const enterprisePolicies = {
  Enterprise: definePolicy<Enterprise>({ byId: enterpriseById, sees: everyone }),
  EnterpriseHonor: definePolicy<EnterpriseHonor>({ byId: honorById, sees: everyone }),
  SocialResponsibilityRecord: definePolicy<SocialResponsibilityRecord>({ byId: socialRecordById, sees: everyone }),
};
