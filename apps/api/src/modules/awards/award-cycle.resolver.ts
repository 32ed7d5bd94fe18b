import { Arg, Args, Ctx, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { Connection, ConnectionArgs } from "../../graphql/connection";
import { localId } from "../../graphql/ids";
import { nestedKey } from "../../loading/nested-page";
import { AwardCriterion } from "./award-criterion.entity";
import { AwardCycle } from "./award-cycle.entity";
import { AwardNomination } from "./award-nomination.entity";
import { AwardProgram } from "./award-program.entity";
import { AwardWinner } from "./award-winner.entity";
import * as cycles from "./award-cycle.service";
import { assignJudgesEvenly, cycleRanking, judgingProgress } from "./award-judging.service";
import {
  awardCycleById,
  awardCyclesByProgram,
  awardProgramById,
  criteriaByCycle,
  nominationsByCycle,
  winnersByCycle,
} from "./award.loaders";
import {
  AssignJudgesEvenlyInput,
  AssignJudgesEvenlyPayload,
  AwardCycleFilter,
  AwardJudgingProgress,
  AwardRankingEntry,
  ChangeAwardCyclePhaseInput,
  ChangeAwardCyclePhasePayload,
  CreateAwardCycleInput,
  CreateAwardCyclePayload,
  CreateAwardProgramInput,
  CreateAwardProgramPayload,
  NominationListArgs,
  UpdateAwardCycleInput,
  UpdateAwardCyclePayload,
  UpdateAwardProgramInput,
  UpdateAwardProgramPayload,
} from "./award.inputs";
import { join, Loads } from "../../loading/declare";

@ObjectType()
export class AwardProgramConnection extends Connection(AwardProgram) {}
@ObjectType()
export class AwardCycleConnection extends Connection(AwardCycle) {}
@ObjectType()
export class AwardNominationConnection extends Connection(AwardNomination) {}

const isStaff = (ctx: RequestContext) => ctx.hasRole("STAFF", "ADMIN");

@Resolver(() => AwardProgram)
export class AwardProgramResolver {
  @Query(() => AwardProgramConnection, { description: "The awards the district gives (public)" })
  awardPrograms(@Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    return cycles.listAwardPrograms(ctx, page);
  }

  @FieldResolver(() => [AwardCycle], { description: "Its cycles, newest first (drafts for staff only)" })
  @Loads(AwardProgram)
  cycles(@Root() program: AwardProgram, @Ctx() ctx: RequestContext) {
    return ctx.load(awardCyclesByProgram, program.id);
  }

  @Mutation(() => CreateAwardProgramPayload, { description: "Staff" })
  async createAwardProgram(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: CreateAwardProgramInput,
  ): Promise<CreateAwardProgramPayload> {
    return { program: await cycles.createAwardProgram(ctx, input), userErrors: [] };
  }

  @Mutation(() => UpdateAwardProgramPayload, { description: "Staff" })
  async updateAwardProgram(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: UpdateAwardProgramInput,
  ): Promise<UpdateAwardProgramPayload> {
    const { programId, ...fields } = input;
    return {
      program: await cycles.updateAwardProgram(ctx, localId(programId, "AwardProgram"), fields),
      userErrors: [],
    };
  }
}

@Resolver(() => AwardCycle)
export class AwardCycleResolver {
  @Query(() => AwardCycleConnection, { description: "Award cycles, newest year first (public; drafts for staff only)" })
  awardCycles(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg("filter", () => AwardCycleFilter, { nullable: true }) filter?: AwardCycleFilter,
  ) {
    const programId = filter?.programId === undefined ? undefined : localId(filter.programId, "AwardProgram");
    return cycles.listAwardCycles(ctx, { year: filter?.year, phase: filter?.phase, programId }, page);
  }

  @FieldResolver(() => AwardProgram)
  @Loads(AwardCycle, { joins: [join(AwardProgram, "programId", awardProgramById)] })
  program(@Root() cycle: AwardCycle, @Ctx() ctx: RequestContext) {
    return ctx.load(awardProgramById, cycle.programId);
  }

  @FieldResolver(() => String, { description: "e.g. 2024年度优秀民营企业家" })
  @Loads(AwardCycle, {
    reads: ["year"],
    joins: [join(AwardProgram, "programId", awardProgramById, { reads: ["name"] })],
  })
  async title(@Root() cycle: AwardCycle, @Ctx() ctx: RequestContext): Promise<string> {
    const program = await ctx.load(awardProgramById, cycle.programId);
    return `${cycle.year}年度${program!.name}`;
  }

  @FieldResolver(() => [AwardCriterion], { description: "What judges score, in order" })
  @Loads(AwardCycle)
  criteria(@Root() cycle: AwardCycle, @Ctx() ctx: RequestContext) {
    return ctx.load(criteriaByCycle, cycle.id);
  }

  @FieldResolver(() => AwardNominationConnection, { description: "Nominations in order of arrival (staff)" })
  @Loads(AwardCycle)
  nominations(
    @Root() cycle: AwardCycle,
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Args() list: NominationListArgs,
  ) {
    ctx.requireRole("STAFF");
    return ctx.load(
      nominationsByCycle,
      nestedKey(cycle.id, page, list.status ? { column: "status", value: list.status } : null),
    );
  }

  @FieldResolver(() => [AwardWinner], { description: "In rank order; public once published, staff before" })
  @Loads(AwardCycle, { reads: ["phase"] })
  async winners(@Root() cycle: AwardCycle, @Ctx() ctx: RequestContext): Promise<AwardWinner[]> {
    if (cycle.phase !== "PUBLISHED" && !isStaff(ctx)) return [];
    return (await ctx.load(winnersByCycle, cycle.id))!;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Why the decision departed from the ranking or came early (staff)",
  })
  @Loads(AwardCycle, { reads: ["decisionReason"] })
  decisionReason(@Root() cycle: AwardCycle, @Ctx() ctx: RequestContext): string | null {
    ctx.requireRole("STAFF");
    return cycle.decisionReason;
  }

  @FieldResolver(() => AwardJudgingProgress, { description: "Staff" })
  @Loads(AwardCycle, { reads: "row" })
  judgingProgress(@Root() cycle: AwardCycle, @Ctx() ctx: RequestContext) {
    return judgingProgress(ctx, cycle);
  }

  @FieldResolver(() => [AwardRankingEntry], {
    description: "Active nominations by weighted average, or by per-judge z-scores with normalize (staff)",
  })
  @Loads(AwardCycle, { reads: "row" })
  ranking(
    @Root() cycle: AwardCycle,
    @Ctx() ctx: RequestContext,
    @Arg("normalize", { defaultValue: false }) normalize: boolean,
  ): Promise<AwardRankingEntry[]> {
    return cycleRanking(ctx, cycle, normalize);
  }

  @Mutation(() => CreateAwardCyclePayload, { description: "Staff; a new cycle starts as DRAFT" })
  async createAwardCycle(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: CreateAwardCycleInput,
  ): Promise<CreateAwardCyclePayload> {
    const { programId, year, ...fields } = input;
    return {
      cycle: await cycles.createAwardCycle(ctx, localId(programId, "AwardProgram"), year, fields),
      userErrors: [],
    };
  }

  @Mutation(() => UpdateAwardCyclePayload, {
    description: "Staff; criteria and eligibility rules only in DRAFT, the rest until the decision",
  })
  async updateAwardCycle(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: UpdateAwardCycleInput,
  ): Promise<UpdateAwardCyclePayload> {
    const { cycleId, ...fields } = input;
    return { cycle: await cycles.updateAwardCycle(ctx, localId(cycleId, "AwardCycle"), fields), userErrors: [] };
  }

  @Mutation(() => ChangeAwardCyclePhasePayload, {
    description:
      "Staff: one phase forward (JUDGING freezes dossiers, DECIDED selects winners, PUBLISHED opens the results " +
      "and issues certificates) or one back with a reason before PUBLISHED",
  })
  async changeAwardCyclePhase(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: ChangeAwardCyclePhaseInput,
  ): Promise<ChangeAwardCyclePhasePayload> {
    const cycle = await cycles.changeAwardCyclePhase(ctx, localId(input.cycleId, "AwardCycle"), input.phase, {
      reason: input.reason,
      allowIncompleteScores: input.allowIncompleteScores,
      normalizeScores: input.normalizeScores,
      winnerNominationIds: input.winnerNominationIds?.map((id) => localId(id, "AwardNomination")),
    });
    return { cycle, userErrors: [] };
  }

  @Mutation(() => AssignJudgesEvenlyPayload, {
    description: "Staff: give every active nomination the same number of judges, spreading the load evenly",
  })
  async assignJudgesEvenly(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: AssignJudgesEvenlyInput,
  ): Promise<AssignJudgesEvenlyPayload> {
    const cycleId = localId(input.cycleId, "AwardCycle");
    const created = await assignJudgesEvenly(
      ctx,
      cycleId,
      input.judgeIds.map((id) => localId(id, "User")),
      input.judgesPerNomination,
    );
    return { cycle: (await ctx.load(awardCycleById, cycleId!))!, assignmentsCreated: created, userErrors: [] };
  }
}
