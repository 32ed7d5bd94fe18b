import { registerEnumType } from "type-graphql";
import { API_KEY_SCOPES, CHAMBER_REGION_KINDS, type ApiKeyScope, type ChamberRegionKind } from "@zuofu/shared";

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const ChamberRegionKindEnum = asEnum<ChamberRegionKind>(CHAMBER_REGION_KINDS);
registerEnumType(ChamberRegionKindEnum, {
  name: "ChamberRegionKind",
  description: "DOMESTIC (mainland), HK_MACAO_TAIWAN, BELT_AND_ROAD (countries along the Belt and Road), OVERSEAS",
});

export const ApiKeyScopeEnum = asEnum<ApiKeyScope>(API_KEY_SCOPES);
registerEnumType(ApiKeyScopeEnum, {
  name: "ApiKeyScope",
  description:
    "PUBLIC_READ: what a visitor may read; MEMBERS_READ: also the chamber's member enterprises' trainees, " +
    "training records and awards (personal data masked); NOMINATIONS_WRITE: recommend nominees; PROBLEMS_WRITE: report problems to the service desk for member enterprises and read those reported",
});

export const API_KEY_STATUSES = ["ACTIVE", "EXPIRED", "REVOKED"] as const;
export type ApiKeyStatus = (typeof API_KEY_STATUSES)[number];
export const ApiKeyStatusEnum = asEnum(API_KEY_STATUSES);
registerEnumType(ApiKeyStatusEnum, { name: "ApiKeyStatus" });
