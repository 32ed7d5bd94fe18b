import { Arg, Args, Ctx, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { Connection, ConnectionArgs } from "../../graphql/connection";
import { toUserErrors } from "../../graphql/errors";
import { localId } from "../../graphql/ids";
import { Enterprise } from "../enterprises/enterprise.entity";
import { enterpriseById } from "../enterprises/enterprise.loaders";
import { Trainee } from "../trainees/trainee.entity";
import { Certificate } from "../training/certificate.entity";
import { AwardCycle } from "./award-cycle.entity";
import { AwardNomination } from "./award-nomination.entity";
import { AwardProgram } from "./award-program.entity";
import { AwardWinner } from "./award-winner.entity";
import { honorRoll, importCommendations } from "./honor-roll.service";
import {
  awardCycleById,
  awardNominationById,
  awardProgramById,
  certificateByWinner,
  publishedWinsByEnterprise,
  publishedWinsByTrainee,
} from "./award.loaders";
import { HonorRollFilter, ImportCommendationsInput, ImportCommendationsPayload } from "./award.inputs";
import { join, Loads } from "../../loading/declare";

@ObjectType()
export class AwardWinnerConnection extends Connection(AwardWinner) {}

/** Reached through the honor roll (published only) or by staff. */
@Resolver(() => AwardWinner)
export class AwardWinnerResolver {
  @Query(() => AwardWinnerConnection, {
    description: "Public: published commendations, newest year first, by program and rank",
  })
  honorRoll(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg("filter", () => HonorRollFilter, { nullable: true }) filter?: HonorRollFilter,
  ) {
    const programId = filter?.programId === undefined ? undefined : localId(filter.programId, "AwardProgram");
    return honorRoll(ctx, { year: filter?.year, programId, search: filter?.search }, page);
  }

  @FieldResolver(() => AwardProgram)
  @Loads(AwardWinner, { joins: [join(AwardProgram, "programId", awardProgramById)] })
  program(@Root() winner: AwardWinner, @Ctx() ctx: RequestContext) {
    return ctx.load(awardProgramById, winner.programId);
  }

  @FieldResolver(() => AwardCycle, { nullable: true, description: "Null for imported commendations" })
  @Loads(AwardWinner, { joins: [join(AwardCycle, "cycleId", awardCycleById)] })
  cycle(@Root() winner: AwardWinner, @Ctx() ctx: RequestContext) {
    return winner.cycleId ? ctx.load(awardCycleById, winner.cycleId) : null;
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: "The enterprise, or the person's enterprise" })
  @Loads(AwardWinner, { joins: [join(Enterprise, "enterpriseId", enterpriseById)] })
  enterprise(@Root() winner: AwardWinner, @Ctx() ctx: RequestContext) {
    return winner.enterpriseId ? ctx.load(enterpriseById, winner.enterpriseId) : null;
  }

  @FieldResolver(() => Certificate, { nullable: true, description: "The award certificate: the winner and staff" })
  @Loads(AwardWinner, { joins: [join(Certificate, "id", certificateByWinner, { on: "awardWinnerId" })] })
  certificate(@Root() winner: AwardWinner, @Ctx() ctx: RequestContext) {
    const own = winner.traineeId !== null && winner.traineeId === ctx.viewer?.traineeId;
    return own || ctx.hasRole("STAFF", "ADMIN") ? ctx.load(certificateByWinner, winner.id) : null;
  }

  @FieldResolver(() => AwardNomination, { nullable: true, description: "Staff" })
  @Loads(AwardWinner)
  nomination(@Root() winner: AwardWinner, @Ctx() ctx: RequestContext) {
    ctx.requireRole("STAFF");
    return winner.nominationId ? ctx.load(awardNominationById, winner.nominationId) : null;
  }

  @Mutation(() => ImportCommendationsPayload, {
    description:
      "Staff: past commendations from a CSV or XLSX file into the honor roll; a dry run lists every problem, " +
      "the real run imports all rows or none",
  })
  async importCommendations(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: ImportCommendationsInput,
  ): Promise<ImportCommendationsPayload> {
    const result = await importCommendations(ctx, input);
    return { ...result, userErrors: toUserErrors(result.userErrors, ctx.locale) };
  }
}

@Resolver(() => Trainee)
export class TraineeAwardsResolver {
  @FieldResolver(() => [AwardWinner], { description: "Published commendations of this person" })
  @Loads(Trainee)
  awards(@Root() trainee: Trainee, @Ctx() ctx: RequestContext) {
    return ctx.load(publishedWinsByTrainee, trainee.id);
  }
}

@Resolver(() => Enterprise)
export class EnterpriseAwardsResolver {
  @FieldResolver(() => [AwardWinner], { description: "Published commendations of this enterprise and of its people" })
  @Loads(Enterprise)
  awards(@Root() enterprise: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.load(publishedWinsByEnterprise, enterprise.id);
  }
}
