import { In, IsNull, Not } from "typeorm";
import { byKey, defineLoader, groupByKey } from "../../graphql/context";
import { nestedPageLoader } from "../../graphql/nested-page";
import { Certificate } from "../training/certificate.entity";
import { AwardCriterion } from "./award-criterion.entity";
import { AwardCycle } from "./award-cycle.entity";
import { AwardJudgeAssignment } from "./award-judge-assignment.entity";
import { AwardNomination } from "./award-nomination.entity";
import { AwardProgram } from "./award-program.entity";
import { AwardScore } from "./award-score.entity";
import { AwardWinner } from "./award-winner.entity";

export const awardProgramById = defineLoader<number, AwardProgram | null>("awardProgramById", async (ctx, ids) =>
  byKey(ids, await ctx.em.findBy(AwardProgram, { id: In([...ids]) }), (p) => p.id),
);

export const awardCycleById = defineLoader<number, AwardCycle | null>("awardCycleById", async (ctx, ids) =>
  byKey(ids, await ctx.em.findBy(AwardCycle, { id: In([...ids]) }), (c) => c.id),
);

export const awardCyclesByProgram = defineLoader<number, AwardCycle[]>("awardCyclesByProgram", async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.em.find(AwardCycle, { where: { programId: In([...ids]) }, order: { year: "DESC" } }),
    (c) => c.programId,
  ),
);

export const criteriaByCycle = defineLoader<number, AwardCriterion[]>("criteriaByCycle", async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.em.find(AwardCriterion, { where: { cycleId: In([...ids]) }, order: { position: "ASC", id: "ASC" } }),
    (c) => c.cycleId,
  ),
);

export const awardCriterionById = defineLoader<number, AwardCriterion | null>("awardCriterionById", async (ctx, ids) =>
  byKey(ids, await ctx.em.findBy(AwardCriterion, { id: In([...ids]) }), (c) => c.id),
);

export const awardNominationById = defineLoader<number, AwardNomination | null>(
  "awardNominationById",
  async (ctx, ids) => byKey(ids, await ctx.em.findBy(AwardNomination, { id: In([...ids]) }), (n) => n.id),
);

export const assignmentById = defineLoader<number, AwardJudgeAssignment | null>("assignmentById", async (ctx, ids) =>
  byKey(ids, await ctx.em.findBy(AwardJudgeAssignment, { id: In([...ids]) }), (a) => a.id),
);

export const assignmentsByNomination = defineLoader<number, AwardJudgeAssignment[]>(
  "assignmentsByNomination",
  async (ctx, ids) =>
    groupByKey(
      ids,
      await ctx.em.find(AwardJudgeAssignment, { where: { nominationId: In([...ids]) }, order: { id: "ASC" } }),
      (a) => a.nominationId,
    ),
);

export const awardScoreById = defineLoader<number, AwardScore | null>("awardScoreById", async (ctx, ids) =>
  byKey(ids, await ctx.em.findBy(AwardScore, { id: In([...ids]) }), (s) => s.id),
);

export const scoresByAssignment = defineLoader<number, AwardScore[]>("scoresByAssignment", async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.em.find(AwardScore, { where: { assignmentId: In([...ids]) }, order: { criterionId: "ASC" } }),
    (s) => s.assignmentId,
  ),
);

export const awardWinnerById = defineLoader<number, AwardWinner | null>("awardWinnerById", async (ctx, ids) =>
  byKey(ids, await ctx.em.findBy(AwardWinner, { id: In([...ids]) }), (w) => w.id),
);

export const winnersByCycle = defineLoader<number, AwardWinner[]>("winnersByCycle", async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.em.find(AwardWinner, { where: { cycleId: In([...ids]) }, order: { rank: "ASC", id: "ASC" } }),
    (w) => w.cycleId!,
  ),
);

export const winnerByNomination = defineLoader<number, AwardWinner | null>("winnerByNomination", async (ctx, ids) =>
  byKey(ids, await ctx.em.findBy(AwardWinner, { nominationId: In([...ids]) }), (w) => w.nominationId!),
);

/** Published commendations of a person, newest first (their profile's awards). */
export const publishedWinsByTrainee = defineLoader<number, AwardWinner[]>("publishedWinsByTrainee", async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.em.find(AwardWinner, {
      where: { traineeId: In([...ids]), publishedAt: Not(IsNull()) },
      order: { year: "DESC", id: "ASC" },
    }),
    (w) => w.traineeId!,
  ),
);

export const certificateByWinner = defineLoader<number, Certificate | null>("certificateByWinner", async (ctx, ids) =>
  byKey(ids, await ctx.em.findBy(Certificate, { awardWinnerId: In([...ids]) }), (c) => c.awardWinnerId!),
);

/** Published commendations of an enterprise and of its people, newest first. */
export const publishedWinsByEnterprise = defineLoader<number, AwardWinner[]>(
  "publishedWinsByEnterprise",
  async (ctx, ids) =>
    groupByKey(
      ids,
      await ctx.em.find(AwardWinner, {
        where: { enterpriseId: In([...ids]), publishedAt: Not(IsNull()) },
        order: { year: "DESC", id: "ASC" },
      }),
      (w) => w.enterpriseId!,
    ),
);

export const nominationsByCycle = nestedPageLoader<AwardNomination>(
  "nominationsByCycle",
  AwardNomination,
  "cycleId",
  [],
  awardNominationById,
);
