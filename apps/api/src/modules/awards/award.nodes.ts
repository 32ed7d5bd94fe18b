import type { RequestContext } from "../../graphql/context";
import { readsAlways } from "../../graphql/selection";
import { AwardCycle } from "./award-cycle.entity";
import { canSeeNomination } from "./award-judging.service";
import {
  assignmentById,
  awardCriterionById,
  awardCycleById,
  awardNominationById,
  awardProgramById,
  awardScoreById,
  awardWinnerById,
} from "./award.loaders";

// visibleCycle reads it of a cycle that a page statement may have read in part (graphql/selection.ts).
readsAlways(AwardCycle, ["phase"]);

const staff = (ctx: RequestContext) => ctx.hasRole("STAFF", "ADMIN");

async function visibleCycle(ctx: RequestContext, id: number): Promise<AwardCycle | null> {
  const cycle = await ctx.loader(awardCycleById).load(id);
  return cycle && (cycle.phase !== "DRAFT" || staff(ctx)) ? cycle : null;
}

/**
 * node(id) for the awards module's types. Before publication nominations, assignments and scores
 * are for staff and, each, for the judge concerned: anyone else gets null, as for an unknown ID.
 */
export const awardNodeFetchers: Record<string, (ctx: RequestContext, id: number) => Promise<object | null>> = {
  AwardProgram: (ctx, id) => ctx.loader(awardProgramById).load(id),
  AwardCycle: visibleCycle,
  AwardCriterion: async (ctx, id) => {
    const criterion = await ctx.loader(awardCriterionById).load(id);
    return criterion && (await visibleCycle(ctx, criterion.cycleId)) ? criterion : null;
  },
  AwardNomination: async (ctx, id) => {
    const nomination = await ctx.loader(awardNominationById).load(id);
    return nomination && (await canSeeNomination(ctx, nomination)) ? nomination : null;
  },
  AwardJudgeAssignment: async (ctx, id) => {
    const assignment = await ctx.loader(assignmentById).load(id);
    return assignment && (staff(ctx) || assignment.judgeUserId === ctx.viewer?.userId) ? assignment : null;
  },
  AwardScore: async (ctx, id) => {
    const score = await ctx.loader(awardScoreById).load(id);
    const assignment = score ? await ctx.loader(assignmentById).load(score.assignmentId) : null;
    return score && assignment && (staff(ctx) || assignment.judgeUserId === ctx.viewer?.userId) ? score : null;
  },
  AwardWinner: async (ctx, id) => {
    const winner = await ctx.loader(awardWinnerById).load(id);
    return winner && (winner.publishedAt || staff(ctx)) ? winner : null;
  },
};
