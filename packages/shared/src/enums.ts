/** Enumerations both the API and the web app speak. Values are the GraphQL enum values. */
export const ROLES = [
  "TRAINEE",
  "STAFF",
  "JUDGE",
  "ADMIN",
  // the service desk (直通车): 企业联络人, 承办部门, 分管区领导, 区长, 亲清特使
  "ENTERPRISE_CONTACT",
  "DEPARTMENT_HANDLER",
  "LEADER_IN_CHARGE",
  "DISTRICT_HEAD",
  "COMMISSIONER",
] as const;
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

/**
 * What a partner's API key may do; MEMBERS_READ includes what PUBLIC_READ allows. PROBLEMS_WRITE
 * reports problems to the service desk for member enterprises and reads the ones the chamber reported.
 */
export const API_KEY_SCOPES = ["PUBLIC_READ", "MEMBERS_READ", "NOMINATIONS_WRITE", "PROBLEMS_WRITE"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** What a phone code (手机验证码) proves the phone for; a code is good only for its own purpose. */
export const PHONE_CODE_PURPOSES = [
  "REGISTER",
  "LOGIN",
  "RESET_PASSWORD",
  "CHANGE_PHONE",
  "CLAIM",
  // proves the phone an enterprise has on file, to become its contact at the service desk
  "BIND_ENTERPRISE",
] as const;
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

/** What a problem reported to the service desk (直通车) is about: 办事/融资/用工/用地/转型升级/政策/其他. */
export const PROBLEM_CATEGORIES = [
  "ADMINISTRATION",
  "FINANCING",
  "EMPLOYMENT",
  "LAND",
  "TRANSFORMATION",
  "POLICY",
  "OTHER",
] as const;
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number];

/** A problem's life; REOPENED when the enterprise rated the answer not satisfied. */
export const PROBLEM_STATUSES = [
  "REPORTED",
  "TRIAGED",
  "ASSIGNED",
  "IN_PROGRESS",
  "ANSWERED",
  "CLOSED",
  "REOPENED",
] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

/** The three levels of 部门、分管区领导、区长, lowest first. */
export const PROBLEM_LEVELS = ["DEPARTMENT", "LEADER", "DISTRICT_HEAD"] as const;
export type ProblemLevel = (typeof PROBLEM_LEVELS)[number];

export const PROBLEM_REPORTER_KINDS = ["ENTERPRISE", "COMMISSIONER", "STAFF_PHONE", "CHAMBER"] as const;
export type ProblemReporterKind = (typeof PROBLEM_REPORTER_KINDS)[number];

/** A person's request to become an enterprise's contact at the desk: confirmed at once by a phone code, or by staff. */
export const CONTACT_REQUEST_STATUSES = ["PENDING", "CONFIRMED", "REJECTED"] as const;
export type ContactRequestStatus = (typeof CONTACT_REQUEST_STATUSES)[number];

/** The enterprise's rating of an answer: 满意 / 基本满意 / 不满意. */
export const PROBLEM_RATINGS = ["SATISFIED", "BASICALLY_SATISFIED", "NOT_SATISFIED"] as const;
export type ProblemRating = (typeof PROBLEM_RATINGS)[number];
