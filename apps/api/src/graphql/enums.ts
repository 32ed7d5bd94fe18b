import { registerEnumType } from "type-graphql";
import {
  ENTERPRISE_SIZES,
  GENDERS,
  HONOR_KINDS,
  HONOR_LEVELS,
  PHONE_CODE_PURPOSES,
  TRAINEE_CLAIM_STATUSES,
  ROLES,
  SOCIAL_PROGRAMMES,
  type EnterpriseSize,
  type Gender,
  type HonorKind,
  type HonorLevel,
  type PhoneCodePurpose,
  type TraineeClaimStatus,
  type Role,
  type SocialProgramme,
} from "@zuofu/shared";

/** GraphQL enums from the shared value lists, so the API and the web app cannot drift apart. */
function enumOf<T extends string>(values: readonly T[], name: string, description: string): Record<T, T> {
  const map = Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
  registerEnumType(map, { name, description });
  return map;
}

export const RoleEnum: Record<Role, Role> = enumOf(ROLES, "Role", "What a user may do");
export const GenderEnum: Record<Gender, Gender> = enumOf(GENDERS, "Gender", "Gender as on the ID card");
export const EnterpriseSizeEnum: Record<EnterpriseSize, EnterpriseSize> = enumOf(
  ENTERPRISE_SIZES,
  "EnterpriseSize",
  "Enterprise size class (micro, small, medium, large)",
);
export const HonorKindEnum: Record<HonorKind, HonorKind> = enumOf(HONOR_KINDS, "HonorKind", "Enterprise honor");
export const HonorLevelEnum: Record<HonorLevel, HonorLevel> = enumOf(
  HONOR_LEVELS,
  "HonorLevel",
  "Who granted an honor",
);
export const SocialProgrammeEnum: Record<SocialProgramme, SocialProgramme> = enumOf(
  SOCIAL_PROGRAMMES,
  "SocialProgramme",
  "Kind of social-responsibility activity",
);

export const PhoneCodePurposeEnum: Record<PhoneCodePurpose, PhoneCodePurpose> = enumOf(
  PHONE_CODE_PURPOSES,
  "PhoneCodePurpose",
  "What a phone code (手机验证码) is for; a code works only for its own purpose",
);
export const TraineeClaimStatusEnum: Record<TraineeClaimStatus, TraineeClaimStatus> = enumOf(
  TRAINEE_CLAIM_STATUSES,
  "TraineeClaimStatus",
  "Where a claim on an imported trainee record stands",
);
