import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { UserError } from "../../graphql/errors";
import { localId } from "../../graphql/ids";
import { MaxLen } from "../../graphql/validation";
import { AwardNomination } from "./award-nomination.entity";
import { recommendNominee } from "./partner-nomination.service";

@InputType()
export class RecommendNomineeInput {
  @Field(() => ID, { description: "An award cycle taking nominations" }) cycleId: string;
  @Field(() => ID, { description: "A member Enterprise, or a Trainee of one (for awards to people)" })
  nomineeId: string;
  @Field() @MaxLen(5000) justification: string;
}
@ObjectType()
export class RecommendNomineePayload {
  @Field(() => AwardNomination, { nullable: true }) nomination?: AwardNomination;
  @Field(() => [UserError]) userErrors: UserError[];
}

/** A partner chamber's recommendation: awards/ uses chambers/ (the key, its members), never the reverse. */
@Resolver()
export class PartnerNominationResolver {
  @Mutation(() => RecommendNomineePayload, {
    description:
      "A partner chamber's API key (NOMINATIONS_WRITE) recommends a member enterprise or one of its people while a cycle takes nominations",
  })
  async recommendNominee(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: RecommendNomineeInput,
  ): Promise<RecommendNomineePayload> {
    const nomination = await recommendNominee(
      ctx,
      localId(input.cycleId, "AwardCycle"),
      input.nomineeId,
      input.justification,
    );
    return { nomination, userErrors: [] };
  }
}
