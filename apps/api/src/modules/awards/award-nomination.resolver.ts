import { Arg, Args, Ctx, FieldResolver, Float, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { Connection, ConnectionArgs } from "../../graphql/connection";
import { localId } from "../../graphql/ids";
import { User } from "../accounts/user.entity";
import { userById } from "../accounts/account.loaders";
import { UserConnection } from "../accounts/account.resolver";
import { Enterprise } from "../enterprises/enterprise.entity";
import { enterpriseById } from "../enterprises/enterprise.loaders";
import { Trainee } from "../trainees/trainee.entity";
import { traineeById } from "../trainees/trainee.loaders";
import { AwardCriterion } from "./award-criterion.entity";
import { AwardCycle } from "./award-cycle.entity";
import { AwardJudgeAssignment } from "./award-judge-assignment.entity";
import { AwardNomination } from "./award-nomination.entity";
import { AwardScore } from "./award-score.entity";
import { AwardWinner } from "./award-winner.entity";
import { ConflictKindEnum, NominationSourceEnum, type NominationSource } from "./award.enums";
import { dossierByNomination } from "./award-dossier.service";
import * as judging from "./award-judging.service";
import * as nominations from "./award-nomination.service";
import { conflictOfAssignment, judgeCandidatesByNomination } from "./judge-conflicts";
import { affiliationsByJudge, setJudgeAffiliations } from "./judge-affiliation.service";
import { Chamber } from "../chambers/chamber.entity";
import { chamberById } from "../chambers/chamber.loaders";
import { conflictReason } from "@zuofu/shared";
import { weightedAverage } from "./award-ranking";
import {
  assignmentsByNomination,
  awardCriterionById,
  awardCycleById,
  awardNominationById,
  criteriaByCycle,
  unscoredByAssignment,
  scoresByAssignment,
  winnerByNomination,
} from "./award.loaders";
import {
  AssignJudgesInput,
  AssignJudgesPayload,
  AwardJudgeCandidate,
  JudgeAffiliations,
  SetJudgeAffiliationsInput,
  SetJudgeAffiliationsPayload,
  AwardAssignmentFilter,
  AwardDossier,
  DeclareConflictInput,
  DeclareConflictPayload,
  NominateInput,
  NominatePayload,
  SubmitScoresInput,
  SubmitScoresPayload,
  UnassignJudgeInput,
  UnassignJudgePayload,
  WithdrawNominationInput,
  WithdrawNominationPayload,
} from "./award.inputs";
import { join, Loads, readsOf } from "../../loading/declare";

@ObjectType()
export class AwardJudgeAssignmentConnection extends Connection(AwardJudgeAssignment) {}

const STAFF = { kind: "STAFF" } as const;

/** Reached only by staff, or by a judge assigned to it without a conflict (node, myAwardAssignments). */
@Resolver(() => AwardNomination)
export class AwardNominationResolver {
  @FieldResolver(() => AwardCycle)
  @Loads(AwardNomination, { joins: [join(AwardCycle, "cycleId", awardCycleById)] })
  cycle(@Root() nomination: AwardNomination, @Ctx() ctx: RequestContext) {
    return ctx.load(awardCycleById, nomination.cycleId);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: "The nominee, when an enterprise" })
  @Loads(AwardNomination, { joins: [join(Enterprise, "enterpriseId", enterpriseById)] })
  enterprise(@Root() nomination: AwardNomination, @Ctx() ctx: RequestContext) {
    return nomination.enterpriseId ? ctx.load(enterpriseById, nomination.enterpriseId) : null;
  }

  @FieldResolver(() => Trainee, { nullable: true, description: "The nominee, when a person" })
  @Loads(AwardNomination, { joins: [join(Trainee, "traineeId", traineeById)] })
  trainee(@Root() nomination: AwardNomination, @Ctx() ctx: RequestContext) {
    return nomination.traineeId ? ctx.load(traineeById, nomination.traineeId) : null;
  }

  @FieldResolver(() => String)
  @Loads(AwardNomination, {
    joins: [
      join(Trainee, "traineeId", traineeById, { reads: ["name"] }),
      join(Enterprise, "enterpriseId", enterpriseById, { reads: ["name"] }),
    ],
  })
  async nomineeName(@Root() nomination: AwardNomination, @Ctx() ctx: RequestContext): Promise<string> {
    return nomineeName(ctx, nomination);
  }

  @FieldResolver(() => NominationSourceEnum)
  @Loads(AwardNomination)
  source(@Root() nomination: AwardNomination): NominationSource {
    return nomination.nominatedByChamberId ? "CHAMBER" : "STAFF";
  }

  @FieldResolver(() => User, { nullable: true, description: "The staff member who nominated (staff)" })
  @Loads(AwardNomination)
  nominatedBy(@Root() nomination: AwardNomination, @Ctx() ctx: RequestContext) {
    ctx.requireRole("STAFF");
    return nomination.nominatedByUserId ? ctx.load(userById, nomination.nominatedByUserId) : null;
  }

  @FieldResolver(() => AwardDossier, {
    description: "Live while nominating; frozen once judging began (a partner key needs MEMBERS_READ)",
  })
  @Loads(AwardNomination, { reads: "row" })
  dossier(@Root() nomination: AwardNomination, @Ctx() ctx: RequestContext) {
    // The nominee's training, events and awards are member records: recommending is not reading them.
    ctx.requireScope("MEMBERS_READ");
    return ctx.load(dossierByNomination, nomination);
  }

  @FieldResolver(() => Boolean, { description: "Meets every eligibility rule of the cycle" })
  @Loads(AwardNomination, { reads: "row" })
  async eligible(@Root() nomination: AwardNomination, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await ctx.load(dossierByNomination, nomination))!.eligible;
  }

  @FieldResolver(() => [AwardJudgeAssignment], { description: "Assigned judges and their conflicts (staff)" })
  @Loads(AwardNomination)
  judges(@Root() nomination: AwardNomination, @Ctx() ctx: RequestContext) {
    ctx.requireRole("STAFF");
    return ctx.load(assignmentsByNomination, nomination.id);
  }

  @FieldResolver(() => [AwardJudgeCandidate], {
    description: "Every active judge, by name, with any conflict the records show, before assigning (staff)",
  })
  @Loads(AwardNomination, { rows: [readsOf(Enterprise, ["name"]), readsOf(Chamber, ["name"])] })
  async judgeCandidates(
    @Root() nomination: AwardNomination,
    @Ctx() ctx: RequestContext,
  ): Promise<AwardJudgeCandidate[]> {
    ctx.requireRole("STAFF");
    const [rows, assignments] = await Promise.all([
      ctx.load(judgeCandidatesByNomination, nomination.id),
      ctx.load(assignmentsByNomination, nomination.id),
    ]);
    return Promise.all(
      (rows ?? []).map(async (row) => {
        const assignment = assignments?.find((a) => a.judgeUserId === row.judgeUserId);
        const declared = Boolean(assignment?.conflictDeclaredAt);
        const conflict = declared ? "DECLARED" : row.conflict;
        const detail = declared
          ? (assignment!.conflictReason ?? "")
          : conflict === "SAME_ENTERPRISE" && row.enterpriseId
            ? ((await ctx.load(enterpriseById, row.enterpriseId))?.name ?? "")
            : conflict === "SAME_CHAMBER" && row.chamberId
              ? ((await ctx.load(chamberById, row.chamberId))?.name ?? "")
              : "";
        return {
          judge: (await ctx.load(userById, row.judgeUserId))!,
          assigned: Boolean(assignment),
          conflict,
          conflictReason: conflict ? conflictReason(conflict, ctx.locale, detail) : null,
        };
      }),
    );
  }

  @FieldResolver(() => AwardWinner, { nullable: true, description: "The commendation it led to (staff)" })
  @Loads(AwardNomination)
  winner(@Root() nomination: AwardNomination, @Ctx() ctx: RequestContext) {
    ctx.requireRole("STAFF");
    return ctx.load(winnerByNomination, nomination.id);
  }

  @Query(() => AwardDossier, {
    nullable: true,
    description: "Staff: the dossier and eligibility a nominee would have in a cycle, before nominating",
  })
  awardDossierPreview(
    @Ctx() ctx: RequestContext,
    @Arg("cycleId", () => ID) cycleId: string,
    @Arg("nomineeId", () => ID) nomineeId: string,
  ) {
    return nominations.previewDossier(ctx, localId(cycleId, "AwardCycle"), nominations.nomineeOf(nomineeId));
  }

  @Mutation(() => NominatePayload, { description: "Staff nominate while the cycle is NOMINATING" })
  async nominate(@Ctx() ctx: RequestContext, @Arg("input") input: NominateInput): Promise<NominatePayload> {
    const nomination = await nominations.nominate(ctx, STAFF, {
      cycleId: localId(input.cycleId, "AwardCycle"),
      nominee: nominations.nomineeOf(input.nomineeId),
      justification: input.justification,
    });
    return { nomination, userErrors: [] };
  }

  @Mutation(() => WithdrawNominationPayload, { description: "Staff, until the decision" })
  async withdrawNomination(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: WithdrawNominationInput,
  ): Promise<WithdrawNominationPayload> {
    const nomination = await nominations.withdrawNomination(
      ctx,
      STAFF,
      localId(input.nominationId, "AwardNomination"),
      input.reason,
    );
    return { nomination, userErrors: [] };
  }

  @Mutation(() => AssignJudgesPayload, { description: "Staff assign judges by hand; conflicted judges are refused" })
  async assignJudges(@Ctx() ctx: RequestContext, @Arg("input") input: AssignJudgesInput): Promise<AssignJudgesPayload> {
    const nomination = await judging.assignJudges(
      ctx,
      localId(input.nominationId, "AwardNomination"),
      input.judgeIds.map((id) => localId(id, "User")),
    );
    return { nomination, userErrors: [] };
  }

  @Mutation(() => UnassignJudgePayload, { description: "Staff; the judge's scores for it go too" })
  async unassignJudge(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: UnassignJudgeInput,
  ): Promise<UnassignJudgePayload> {
    const nomination = await judging.unassignJudge(
      ctx,
      localId(input.nominationId, "AwardNomination"),
      localId(input.judgeId, "User"),
    );
    return { nomination, userErrors: [] };
  }
}

/** A judge's own affiliations, kept by staff. */
@Resolver(() => User)
export class JudgeAffiliationResolver {
  @FieldResolver(() => JudgeAffiliations, {
    description: "The enterprises and chambers staff record for a judge (the judge and staff)",
  })
  @Loads(User)
  async judgeAffiliations(@Root() user: User, @Ctx() ctx: RequestContext): Promise<JudgeAffiliations> {
    if (ctx.viewer?.userId !== user.id) ctx.requireRole("STAFF");
    const rows = (await ctx.load(affiliationsByJudge, user.id)) ?? [];
    const enterprises = await Promise.all(
      rows.flatMap((a) => (a.enterpriseId ? [ctx.load(enterpriseById, a.enterpriseId)] : [])),
    );
    const chambers = await Promise.all(rows.flatMap((a) => (a.chamberId ? [ctx.load(chamberById, a.chamberId)] : [])));
    return {
      enterprises: enterprises.filter((e): e is Enterprise => Boolean(e)),
      chambers: chambers.filter((c): c is Chamber => Boolean(c)),
    };
  }

  @Mutation(() => SetJudgeAffiliationsPayload, {
    description: "Staff set a judge's enterprises and chambers, which rule the judge out of their nominations",
  })
  async setJudgeAffiliations(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: SetJudgeAffiliationsInput,
  ): Promise<SetJudgeAffiliationsPayload> {
    const judge = await setJudgeAffiliations(
      ctx,
      localId(input.judgeId, "User"),
      input.enterpriseIds.map((id) => localId(id, "Enterprise")),
      input.chamberIds.map((id) => localId(id, "Chamber")),
    );
    return { judge, userErrors: [] };
  }
}

async function nomineeName(ctx: RequestContext, nomination: AwardNomination): Promise<string> {
  if (nomination.enterpriseId) return (await ctx.load(enterpriseById, nomination.enterpriseId))?.name ?? "";
  return (await ctx.load(traineeById, nomination.traineeId!))?.name ?? "";
}

/** Reached only by staff and by the assigned judge (node, myAwardAssignments). */
@Resolver(() => AwardJudgeAssignment)
export class AwardJudgeAssignmentResolver {
  @Query(() => AwardJudgeAssignmentConnection, {
    description: "The signed-in judge's assignments, latest cycle first",
  })
  myAwardAssignments(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg("filter", () => AwardAssignmentFilter, { nullable: true }) filter?: AwardAssignmentFilter,
  ) {
    const cycleId = filter?.cycleId === undefined ? undefined : localId(filter.cycleId, "AwardCycle");
    return judging.myAssignments(ctx, cycleId, page);
  }

  @Query(() => UserConnection, { description: "Active judges to assign (staff)" })
  awardJudges(@Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    return judging.listJudges(ctx, page);
  }

  @FieldResolver(() => User)
  @Loads(AwardJudgeAssignment)
  judge(@Root() assignment: AwardJudgeAssignment, @Ctx() ctx: RequestContext) {
    return ctx.load(userById, assignment.judgeUserId);
  }

  @FieldResolver(() => AwardCycle)
  @Loads(AwardJudgeAssignment, { joins: [join(AwardCycle, "cycleId", awardCycleById)] })
  cycle(@Root() assignment: AwardJudgeAssignment, @Ctx() ctx: RequestContext) {
    return ctx.load(awardCycleById, assignment.cycleId);
  }

  @FieldResolver(() => String, { description: "Shown even when conflicted, so the judge knows which one it is" })
  @Loads(AwardJudgeAssignment, { rows: [readsOf(Trainee, ["name"]), readsOf(Enterprise, ["name"])] })
  async nomineeName(@Root() assignment: AwardJudgeAssignment, @Ctx() ctx: RequestContext): Promise<string> {
    return nomineeName(ctx, (await ctx.load(awardNominationById, assignment.nominationId))!);
  }

  @FieldResolver(() => AwardNomination, {
    nullable: true,
    description: "Null for the judge once a conflict is declared or found",
  })
  @Loads(AwardJudgeAssignment)
  nomination(@Root() assignment: AwardJudgeAssignment, @Ctx() ctx: RequestContext) {
    // The AwardNomination policy (award.nodes.ts) hides it from a conflicted judge.
    return ctx.load(awardNominationById, assignment.nominationId);
  }

  @FieldResolver(() => ConflictKindEnum, { nullable: true })
  @Loads(AwardJudgeAssignment, { reads: "row" })
  conflict(@Root() assignment: AwardJudgeAssignment, @Ctx() ctx: RequestContext) {
    return ctx.load(conflictOfAssignment, assignment);
  }

  @FieldResolver(() => [AwardScore], { description: "This judge's scores: the judge and staff only" })
  @Loads(AwardJudgeAssignment)
  scores(@Root() assignment: AwardJudgeAssignment, @Ctx() ctx: RequestContext) {
    if (assignment.judgeUserId !== ctx.viewer?.userId) ctx.requireRole("STAFF");
    return ctx.load(scoresByAssignment, assignment.id);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      "This judge's weighted average over the criteria (0–10), as the ranking counts it; null until every criterion is scored",
  })
  @Loads(AwardJudgeAssignment)
  async weightedScore(@Root() assignment: AwardJudgeAssignment, @Ctx() ctx: RequestContext): Promise<number | null> {
    if (assignment.judgeUserId !== ctx.viewer?.userId) ctx.requireRole("STAFF");
    const [criteria, scores] = await Promise.all([
      ctx.load(criteriaByCycle, assignment.cycleId),
      ctx.load(scoresByAssignment, assignment.id),
    ]);
    const average = weightedAverage(criteria ?? [], new Map((scores ?? []).map((s) => [s.criterionId, s.score])));
    return average === null ? null : Math.round(average * 100) / 100;
  }

  @FieldResolver(() => Boolean, { description: "Every criterion scored" })
  @Loads(AwardJudgeAssignment)
  async complete(@Root() assignment: AwardJudgeAssignment, @Ctx() ctx: RequestContext): Promise<boolean> {
    if (assignment.judgeUserId !== ctx.viewer?.userId) ctx.requireRole("STAFF");
    return (await ctx.load(unscoredByAssignment, assignment.id)) === 0;
  }

  @Mutation(() => DeclareConflictPayload, { description: "A judge declares a conflict of interest" })
  async declareConflict(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: DeclareConflictInput,
  ): Promise<DeclareConflictPayload> {
    return {
      assignment: await judging.declareConflict(ctx, localId(input.nominationId, "AwardNomination"), input.reason),
      userErrors: [],
    };
  }

  @Mutation(() => SubmitScoresPayload, {
    description:
      "A judge saves scores (0–10, with comments) for criteria of an assigned nomination, until JUDGING ends",
  })
  async submitScores(@Ctx() ctx: RequestContext, @Arg("input") input: SubmitScoresInput): Promise<SubmitScoresPayload> {
    const assignment = await judging.submitScores(
      ctx,
      localId(input.nominationId, "AwardNomination"),
      input.scores.map((s) => ({
        criterionId: localId(s.criterionId, "AwardCriterion"),
        score: s.score,
        comment: s.comment,
      })),
    );
    return { assignment, userErrors: [] };
  }
}

@Resolver(() => AwardScore)
export class AwardScoreResolver {
  @FieldResolver(() => AwardCriterion)
  @Loads(AwardScore, { joins: [join(AwardCriterion, "criterionId", awardCriterionById)] })
  criterion(@Root() score: AwardScore, @Ctx() ctx: RequestContext) {
    return ctx.load(awardCriterionById, score.criterionId);
  }
}
