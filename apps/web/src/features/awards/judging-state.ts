import type { Messages } from "../../app/i18n";
import type { AwardCyclePhase, ConflictKind } from "../../gql/graphql";

/**
 * Where one assignment stands for its judge, from the cycle's phase and deadline and the
 * judge's own sheet: the list, the page and the score sheet all read this one answer.
 */
export type JudgingState = "CONFLICT" | "NOT_STARTED" | "TO_SCORE" | "IN_PROGRESS" | "SCORED" | "ENDED";

export interface JudgingStateInput {
  conflict?: ConflictKind | null;
  complete: boolean;
  scores: readonly unknown[];
  cycle: { phase: AwardCyclePhase; judgingEndsAt?: string | null };
}

export function judgingState(a: JudgingStateInput, now: number = Date.now()): JudgingState {
  if (a.conflict) return "CONFLICT";
  const { phase, judgingEndsAt } = a.cycle;
  if (phase === "DRAFT" || phase === "NOMINATING") return "NOT_STARTED";
  if (phase !== "JUDGING" || (judgingEndsAt && Date.parse(judgingEndsAt) <= now)) return "ENDED";
  if (a.complete) return "SCORED";
  return a.scores.length ? "IN_PROGRESS" : "TO_SCORE";
}

/** Scores can be saved (and changed) in these states only. */
export const canScore = (state: JudgingState): boolean =>
  state === "TO_SCORE" || state === "IN_PROGRESS" || state === "SCORED";

/** Still ahead of the judge or under way, as opposed to the finished cycles listed apart. */
export const isCurrent = (state: JudgingState): boolean => state !== "ENDED" && state !== "CONFLICT";

export const judgingStateColors: Record<JudgingState, string> = {
  CONFLICT: "default",
  NOT_STARTED: "blue",
  TO_SCORE: "red",
  IN_PROGRESS: "gold",
  SCORED: "green",
  ENDED: "default",
};

export const judgingStateLabels: Messages<JudgingState> = {
  "zh-CN": {
    CONFLICT: "已回避",
    NOT_STARTED: "尚未开始评审",
    TO_SCORE: "待评分",
    IN_PROGRESS: "评分中",
    SCORED: "已评分",
    ENDED: "评审已结束",
  },
  en: {
    CONFLICT: "Conflict",
    NOT_STARTED: "Judging not started",
    TO_SCORE: "To score",
    IN_PROGRESS: "In progress",
    SCORED: "Scored",
    ENDED: "Judging ended",
  },
};

/** One sentence for the page and the score sheet, saying what the judge can do now. */
export const judgingStateHints: Messages<JudgingState> = {
  "zh-CN": {
    CONFLICT: "您已回避此提名，无需评分。",
    NOT_STARTED: "该评选仍在提名阶段，提名截止、进入评审后方可评分。",
    TO_SCORE: "请为每项评选条件打分（0–10 分的整数），评审截止前可随时修改。",
    IN_PROGRESS: "尚有评选条件未打分；评审截止前可随时修改。",
    SCORED: "已全部评分；评审截止前仍可修改。",
    ENDED: "评审已结束，评分不可再修改。",
  },
  en: {
    CONFLICT: "You declared a conflict: you do not score this nomination.",
    NOT_STARTED: "The award still takes nominations; scoring opens when judging starts.",
    TO_SCORE: "Score each criterion (a whole number from 0 to 10); you can change scores until judging ends.",
    IN_PROGRESS: "Some criteria are not scored yet; you can change scores until judging ends.",
    SCORED: "Every criterion is scored; you can still change scores until judging ends.",
    ENDED: "Judging has ended; scores can no longer change.",
  },
};
