import type { RequestContext } from "../../graphql/context";
import { andThen, definePolicy, everyone } from "../../graphql/visibility";
import { AwardCycle } from "./award-cycle.entity";
import type { AwardCriterion } from "./award-criterion.entity";
import type { AwardJudgeAssignment } from "./award-judge-assignment.entity";
import type { AwardNomination } from "./award-nomination.entity";
import type { AwardProgram } from "./award-program.entity";
import type { AwardScore } from "./award-score.entity";
import { AwardWinner } from "./award-winner.entity";
import { canSeeNomination, judgeSeesNominee } from "./award-judging.service";
import {
  assignmentById,
  awardCriterionById,
  awardCycleById,
  awardNominationById,
  awardProgramById,
  awardScoreById,
  awardWinnerById,
} from "./award.loaders";

const staff = (ctx: RequestContext) => ctx.hasRole("STAFF", "ADMIN");

/** A judge sees the people of the nominations they judge: widens trainees/' policy (modules/node-policies.ts). */
export const judgeSeesTheirNominee = (ctx: RequestContext, trainee: { id: number }) =>
  ctx.hasRole("JUDGE") && judgeSeesNominee(ctx, trainee.id);

/** Drafts are for staff. */
export const awardCyclePolicy = definePolicy<AwardCycle>({
  byId: awardCycleById,
  sees: (ctx, cycle) => cycle.phase !== "DRAFT" || staff(ctx),
  reads: ["phase"],
  scope: (ctx, qb) => {
    if (!staff(ctx)) qb.andWhere(`${qb.alias}.phase <> :draftCycle`, { draftCycle: "DRAFT" });
  },
  primes: true,
});

/** Staff, and the judge concerned. */
const ownAssignment = (ctx: RequestContext, assignment: AwardJudgeAssignment | null) =>
  Boolean(assignment && (staff(ctx) || assignment.judgeUserId === ctx.viewer?.userId));

/**
 * Before publication nominations, assignments and scores are for staff and, each, for the judge
 * concerned; a nomination also for the chamber whose key recommended it.
 */
export const awardPolicies = {
  AwardProgram: definePolicy<AwardProgram>({ byId: awardProgramById, sees: everyone }),
  AwardCycle: awardCyclePolicy,
  /** Seen with its cycle. */
  AwardCriterion: definePolicy<AwardCriterion>({
    byId: awardCriterionById,
    sees: (ctx, criterion) =>
      andThen(ctx.load(awardCycleById, criterion.cycleId), (c) => Boolean(c && awardCyclePolicy.sees(ctx, c))),
  }),
  AwardNomination: definePolicy<AwardNomination>({
    byId: awardNominationById,
    sees: (ctx, nomination) =>
      (ctx.partner !== null && nomination.nominatedByChamberId === ctx.partner.chamberId) ||
      canSeeNomination(ctx, nomination),
  }),
  AwardJudgeAssignment: definePolicy<AwardJudgeAssignment>({
    byId: assignmentById,
    sees: (ctx, assignment) => ownAssignment(ctx, assignment),
  }),
  AwardScore: definePolicy<AwardScore>({
    byId: awardScoreById,
    sees: (ctx, score) =>
      staff(ctx) || andThen(ctx.load(assignmentById, score.assignmentId), (a) => ownAssignment(ctx, a)),
  }),
  /** The honor roll once published; staff before. */
  AwardWinner: definePolicy<AwardWinner>({
    byId: awardWinnerById,
    sees: (ctx, winner) => winner.publishedAt !== null || staff(ctx),
    reads: ["publishedAt"],
  }),
};
