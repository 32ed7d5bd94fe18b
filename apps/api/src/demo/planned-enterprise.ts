import type { EnterpriseSize, HonorKind } from "@zuofu/shared";
import type { Industry } from "./names";

/** An enterprise as planned, before and after it gets its database id. */
export interface PlannedEnterprise {
  id: number;
  short: string | null;
  name: string;
  creditCode: string;
  industry: Industry;
  town: string;
  size: EnterpriseSize;
  foundedYear: number;
  listed: boolean;
  stockCode: string | null;
  presetHonors: readonly HonorKind[];
}
