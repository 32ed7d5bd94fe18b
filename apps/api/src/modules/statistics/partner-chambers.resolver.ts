import { Ctx, FieldResolver, Int, Resolver } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { countPartnerChambers } from "../chambers/chamber.service";
import { Statistics } from "./statistics.resolver";

/** The public count of partner chambers, on the statistics. */
@Resolver(() => Statistics)
export class StatisticsChambersResolver {
  @FieldResolver(() => Int, { description: "Partner chambers whose partnership has begun (合作商会)" })
  partnerChambers(@Ctx() ctx: RequestContext): Promise<number> {
    return countPartnerChambers(ctx);
  }
}
