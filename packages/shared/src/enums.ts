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
