/** Enumerations both the API and the web app speak. Values are the GraphQL enum values. */
export const ROLES = ["TRAINEE", "STAFF", "JUDGE", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const GENDERS = ["MALE", "FEMALE"] as const;
export type Gender = (typeof GENDERS)[number];

export const ENTERPRISE_SIZES = ["MICRO", "SMALL", "MEDIUM", "LARGE"] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

export const HONOR_KINDS = [
  "SRDI",
  "LITTLE_GIANT",
  "HIDDEN_CHAMPION",
  "WELL_KNOWN_TRADEMARK",
  "HIGH_TECH",
  "TECH_SME",
] as const;
export type HonorKind = (typeof HONOR_KINDS)[number];

export const HONOR_LEVELS = ["NATIONAL", "MUNICIPAL", "DISTRICT"] as const;
export type HonorLevel = (typeof HONOR_LEVELS)[number];

export const SOCIAL_PROGRAMMES = [
  "VILLAGE_HELP",
  "CONSUMPTION_POVERTY_RELIEF",
  "DONATION",
  "EPIDEMIC_RELIEF",
  "OTHER",
] as const;
export type SocialProgramme = (typeof SOCIAL_PROGRAMMES)[number];

export const PASSWORD_MIN_LENGTH = 8;

/** Where a partner chamber of commerce (合作商会) is based. */
export const CHAMBER_REGION_KINDS = ["DOMESTIC", "HK_MACAO_TAIWAN", "BELT_AND_ROAD", "OVERSEAS"] as const;
export type ChamberRegionKind = (typeof CHAMBER_REGION_KINDS)[number];

/** What a partner's API key may do; MEMBERS_READ includes what PUBLIC_READ allows. */
export const API_KEY_SCOPES = ["PUBLIC_READ", "MEMBERS_READ", "NOMINATIONS_WRITE"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** What a phone code (手机验证码) proves the phone for; a code is good only for its own purpose. */
export const PHONE_CODE_PURPOSES = ["REGISTER", "LOGIN", "RESET_PASSWORD", "CHANGE_PHONE", "CLAIM"] as const;
export type PhoneCodePurpose = (typeof PHONE_CODE_PURPOSES)[number];

/** A claim on an imported trainee record that staff must confirm (the typed name or ID disagreed). */
export const TRAINEE_CLAIM_STATUSES = ["PENDING", "APPROVED", "REJECTED"] as const;
export type TraineeClaimStatus = (typeof TRAINEE_CLAIM_STATUSES)[number];

/**
 * A cohort's title: its course's and its number, never typed, so the two cannot disagree
 * ("…班 第2期" titled 第1期). English keeps the course's own (Chinese) title.
 */
export function cohortTitle(courseTitle: string, number: number, locale: "zh-CN" | "en" = "zh-CN"): string {
  return locale === "en" ? `${courseTitle}, cohort ${number}` : `${courseTitle} 第${number}期`;
}
