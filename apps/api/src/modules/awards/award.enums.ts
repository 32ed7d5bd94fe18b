import { registerEnumType } from "type-graphql";

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const NOMINEE_KINDS = ["ENTERPRISE", "ENTREPRENEUR", "INDIVIDUAL_BUSINESS"] as const;
export type NomineeKind = (typeof NOMINEE_KINDS)[number];
export const NomineeKindEnum = asEnum(NOMINEE_KINDS);
registerEnumType(NomineeKindEnum, {
  name: "NomineeKind",
  description:
    "ENTERPRISE: an Enterprise; ENTREPRENEUR and INDIVIDUAL_BUSINESS: a Trainee (the person, or the proprietor)",
});

export const AWARD_CYCLE_PHASES = ["DRAFT", "NOMINATING", "JUDGING", "DECIDED", "PUBLISHED"] as const;
export type AwardCyclePhase = (typeof AWARD_CYCLE_PHASES)[number];
export const AwardCyclePhaseEnum = asEnum(AWARD_CYCLE_PHASES);
registerEnumType(AwardCyclePhaseEnum, { name: "AwardCyclePhase", description: "In order; PUBLISHED is final" });

export const NOMINATION_STATUSES = ["ACTIVE", "WITHDRAWN"] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];
export const NominationStatusEnum = asEnum(NOMINATION_STATUSES);
registerEnumType(NominationStatusEnum, { name: "NominationStatus" });

export const NOMINATION_SOURCES = ["STAFF", "CHAMBER"] as const;
export type NominationSource = (typeof NOMINATION_SOURCES)[number];
export const NominationSourceEnum = asEnum(NOMINATION_SOURCES);
registerEnumType(NominationSourceEnum, { name: "NominationSource", description: "Who put the nominee forward" });

export const ELIGIBILITY_RULE_TYPES = [
  "COMPLETED_COHORT",
  "HOLDS_HONOR",
  "SOCIAL_RECORD_WITHIN_YEARS",
  "NOT_RECENT_WINNER",
] as const;
export type EligibilityRuleType = (typeof ELIGIBILITY_RULE_TYPES)[number];
export const EligibilityRuleTypeEnum = asEnum(ELIGIBILITY_RULE_TYPES);
registerEnumType(EligibilityRuleTypeEnum, {
  name: "EligibilityRuleType",
  description:
    "COMPLETED_COHORT: the nominee (or one of its people) completed a cohort; HOLDS_HONOR: holds honorKind; " +
    "SOCIAL_RECORD_WITHIN_YEARS: a social-responsibility record in the cycle's year or the `years` before it; " +
    "NOT_RECENT_WINNER: no commendation of the same program in the `years` before the cycle's year",
});

export const CONFLICT_KINDS = ["DECLARED", "SAME_PERSON", "SAME_ENTERPRISE", "SAME_CHAMBER"] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
export const ConflictKindEnum = asEnum(CONFLICT_KINDS);
registerEnumType(ConflictKindEnum, {
  name: "ConflictKind",
  description: "DECLARED by the judge, or found in the data: the judge is the nominee or works at its enterprise",
});

export const WINNER_SOURCES = ["DECISION", "IMPORT"] as const;
export type WinnerSource = (typeof WINNER_SOURCES)[number];
export const WinnerSourceEnum = asEnum(WINNER_SOURCES);
registerEnumType(WinnerSourceEnum, {
  name: "WinnerSource",
  description: "DECISION: selected in a cycle on the platform; IMPORT: a past commendation imported from a file",
});
