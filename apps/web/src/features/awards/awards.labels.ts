import type { Messages } from "../../app/i18n";
import type { AwardCyclePhase, ConflictKind, EligibilityRuleType, NomineeKind } from "../../gql/graphql";

/** An award cycle's phases, in the order a cycle goes through them. */
export const cyclePhaseLabels: Messages<AwardCyclePhase> = {
  "zh-CN": { DRAFT: "草稿", NOMINATING: "提名中", JUDGING: "评审中", DECIDED: "已评定", PUBLISHED: "已公布" },
  en: { DRAFT: "Draft", NOMINATING: "Nominating", JUDGING: "Judging", DECIDED: "Decided", PUBLISHED: "Published" },
};

export const nomineeKindLabels: Messages<NomineeKind> = {
  "zh-CN": { ENTERPRISE: "企业", ENTREPRENEUR: "企业家", INDIVIDUAL_BUSINESS: "个体工商户" },
  en: { ENTERPRISE: "Enterprise", ENTREPRENEUR: "Entrepreneur", INDIVIDUAL_BUSINESS: "Individual business" },
};

export const conflictKindLabels: Messages<ConflictKind> = {
  "zh-CN": { DECLARED: "本人申明回避", SAME_ENTERPRISE: "同一企业", SAME_PERSON: "本人", SAME_CHAMBER: "同一商会" },
  en: {
    DECLARED: "Declared by the judge",
    SAME_ENTERPRISE: "Same enterprise",
    SAME_PERSON: "The judge is the nominee",
    SAME_CHAMBER: "Same partner chamber",
  },
};

export const eligibilityRuleLabels: Messages<EligibilityRuleType> = {
  "zh-CN": {
    COMPLETED_COHORT: "结业于学院培训班",
    HOLDS_HONOR: "持有荣誉：{honor}",
    NOT_RECENT_WINNER: "近 {years} 年未获该奖",
    SOCIAL_RECORD_WITHIN_YEARS: "近 {years} 年有社会责任记录",
  },
  en: {
    COMPLETED_COHORT: "Completed a cohort of the Institute",
    HOLDS_HONOR: "Holds the honor: {honor}",
    NOT_RECENT_WINNER: "Not a winner in the last {years} years",
    SOCIAL_RECORD_WITHIN_YEARS: "Social-responsibility record in the last {years} years",
  },
};

/** The colour of each phase's tag. */
export const PHASE_COLORS: Record<AwardCyclePhase, string> = {
  DRAFT: "default",
  NOMINATING: "blue",
  JUDGING: "gold",
  DECIDED: "purple",
  PUBLISHED: "green",
};
