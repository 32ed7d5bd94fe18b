import { In, IsNull, Not } from "typeorm";
import { type RequestContext } from "../../graphql/context";
import { byKey, byIdLoader, defineLoader, groupByKey } from "../../loading/loader";
import { isSelected } from "../../loading/selection";
import { nestedPageLoader } from "../../loading/nested-page";
import { hydrate, joinIncludes } from "../../loading/rows";
import { Certificate } from "../training/certificate.entity";
import { AwardCriterion } from "./award-criterion.entity";
import { AwardCycle } from "./award-cycle.entity";
import { AwardJudgeAssignment } from "./award-judge-assignment.entity";
import { AwardNomination } from "./award-nomination.entity";
import { AwardProgram } from "./award-program.entity";
import { AwardScore } from "./award-score.entity";
import { AwardWinner } from "./award-winner.entity";
import type { ConflictKind } from "./award.enums";
import { conflictColumn, conflictOfAssignment, declaredOr } from "./judge-conflicts";

export const awardProgramById = byIdLoader("awardProgramById", AwardProgram);

/** A cycle's `title` names its program: the program's row comes in the cycle's statement when it is asked for. */
export const awardCycleById = defineLoader<number, AwardCycle | null>("awardCycleById", async (ctx, ids) => {
  const qb = ctx.em.createQueryBuilder(AwardCycle, "cycle").where("cycle.id IN (:...ids)", { ids: [...ids] });
  const prime = joinIncludes(ctx, qb);
  const { raw, entities } = await qb.getRawAndEntities();
  prime(raw as Record<string, unknown>[]);
  return byKey(ids, entities, (c) => c.id);
});

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

export const awardCriterionById = byIdLoader("awardCriterionById", AwardCriterion);

export const awardNominationById = byIdLoader("awardNominationById", AwardNomination);

export const assignmentById = byIdLoader("assignmentById", AwardJudgeAssignment);

/** How many of its cycle's criteria a judge has not scored yet for one nomination (the SQL of one assignment `a`). */
function unscoredSql(ctx: RequestContext): string {
  const q = (name: string) => ctx.app.dataSource.driver.escape(name);
  return `(SELECT COUNT(*) FROM ${q("award_criterion")} c WHERE c.${q("cycle_id")} = a.${q("cycle_id")} AND NOT EXISTS (SELECT 1 FROM ${q("award_score")} s WHERE s.${q("assignment_id")} = a.${q("id")} AND s.${q("criterion_id")} = c.${q("id")}))`;
}

/** An assignment is `complete` when this is 0. */
export const unscoredByAssignment = defineLoader<number, number>("unscoredByAssignment", async (ctx, ids) => {
  const q = (name: string) => ctx.app.dataSource.driver.escape(name);
  const rows: { id: number; n: number | string }[] = await ctx.em.query(
    `SELECT a.${q("id")} AS id, ${unscoredSql(ctx)} AS n FROM ${q("award_judge_assignment")} a WHERE a.${q("id")} IN (${ids.map(() => "?").join(", ")})`,
    [...ids],
  );
  const byId = new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
  return ids.map((id) => byId.get(id) ?? 0);
});

/**
 * A nomination's judges. Where the query asks for them, the same statement finds each judge's
 * conflict, counts what `complete` needs and brings the judge's scores (a LEFT JOIN: one row per
 * score), which answer `conflict`, `complete` and `scores`.
 */
export const assignmentsByNomination = defineLoader<number, AwardJudgeAssignment[]>(
  "assignmentsByNomination",
  async (ctx, ids) => {
    const ds = ctx.app.dataSource;
    const q = (name: string) => ds.driver.escape(name);
    const assignmentMeta = ds.getMetadata(AwardJudgeAssignment);
    const scoreMeta = ds.getMetadata(AwardScore);
    const conflicts = isSelected(ctx, AwardJudgeAssignment, "conflict");
    const counted = isSelected(ctx, AwardJudgeAssignment, "complete");
    const scored = isSelected(ctx, AwardJudgeAssignment, "scores");
    const scoreColumns = scored ? scoreMeta.columns : [];
    const rows: Record<string, unknown>[] = await ctx.em.query(
      `SELECT ${[
        ...assignmentMeta.columns.map((c) => `a.${q(c.databaseName)}`),
        ...(conflicts ? [`${conflictColumn(ctx)} AS zf_conflict`] : []),
        ...(counted ? [`${unscoredSql(ctx)} AS zf_unscored`] : []),
        ...scoreColumns.map((c) => `s.${q(c.databaseName)} AS ${q(`zfs_${c.databaseName}`)}`),
      ].join(", ")} FROM ${q(assignmentMeta.tableName)} a${
        scored ? ` LEFT JOIN ${q(scoreMeta.tableName)} s ON s.${q("assignment_id")} = a.${q("id")}` : ""
      } WHERE a.${q("nomination_id")} IN (${ids.map(() => "?").join(", ")}) ORDER BY a.${q("id")}${
        scored ? `, s.${q("criterion_id")}` : ""
      }`,
      [...ids],
    );
    const first = rows.filter((row, i) => i === 0 || rows[i - 1].id !== row.id);
    const assignments = hydrate(ds, AwardJudgeAssignment, first);
    if (conflicts)
      assignments.forEach((a, i) =>
        ctx.prime(conflictOfAssignment, a, declaredOr(a, first[i].zf_conflict as ConflictKind | null)),
      );
    if (counted) first.forEach((row) => ctx.prime(unscoredByAssignment, Number(row.id), Number(row.zf_unscored)));
    if (scored) {
      const withScore = rows.filter((row) => row.zfs_id !== null);
      const scores = groupByKey(
        assignments.map((a) => a.id),
        hydrate(ds, AwardScore, withScore, "zfs_"),
        (score) => score.assignmentId,
      );
      assignments.forEach((a, i) => ctx.prime(scoresByAssignment, a.id, scores[i]));
    }
    return groupByKey(ids, assignments, (a) => a.nominationId);
  },
);

/** Per person, the nominations of them that the signed-in judge is assigned to. */
export const judgedNominationsByTrainee = defineLoader<number, AwardNomination[]>(
  "judgedNominationsByTrainee",
  async (ctx, ids) =>
    groupByKey(
      ids,
      await ctx.em
        .createQueryBuilder(AwardNomination, "n")
        .innerJoin(AwardJudgeAssignment, "a", "a.nomination_id = n.id AND a.judge_user_id = :judge", {
          judge: ctx.viewer?.userId ?? 0,
        })
        .where("n.trainee_id IN (:...ids)", { ids })
        .getMany(),
      (n) => n.traineeId!,
    ),
);

export const awardScoreById = byIdLoader("awardScoreById", AwardScore);

export const scoresByAssignment = defineLoader<number, AwardScore[]>("scoresByAssignment", async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.em.find(AwardScore, { where: { assignmentId: In([...ids]) }, order: { criterionId: "ASC" } }),
    (s) => s.assignmentId,
  ),
);

export const awardWinnerById = byIdLoader("awardWinnerById", AwardWinner);

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

/** A nominee's name (`nomineeName`) comes with the page: the person's or the enterprise's row, joined. */
export const nominationsByCycle = nestedPageLoader<AwardNomination>(
  "nominationsByCycle",
  AwardNomination,
  "cycleId",
  awardNominationById,
);
