import type { RequestContext } from "../../graphql/context";
import { codedError, fail } from "../../graphql/errors";
import { nominate, nomineeOf } from "./award-nomination.service";
import type { AwardNomination } from "./award-nomination.entity";
import { traineeById } from "../trainees/trainee.loaders";

/**
 * A partner chamber recommends a nominee through its key (NOMINATIONS_WRITE): one of its member
 * enterprises, or a person working at one. The awards module's rules (phase, kind, duplicates)
 * apply as to staff; anyone outside the chamber's members is NOT_FOUND, as if it did not exist.
 */
export async function recommendNominee(
  ctx: RequestContext,
  cycleId: number | null,
  nomineeId: string,
  justification: string,
): Promise<AwardNomination> {
  const partner = ctx.partner;
  if (!partner) throw codedError(ctx.viewer ? "FORBIDDEN" : "UNAUTHENTICATED", ctx.locale);
  ctx.requireScope("NOMINATIONS_WRITE");
  const nominee = nomineeOf(nomineeId);
  const enterpriseId = nominee?.traineeId
    ? (await ctx.loader(traineeById).load(nominee.traineeId))?.enterpriseId
    : nominee?.enterpriseId;
  if (!nominee || !enterpriseId || !partner.memberEnterpriseIds.has(enterpriseId)) fail("NOT_FOUND", "nomineeId");
  return nominate(ctx, { kind: "CHAMBER", chamberId: partner.chamberId }, { cycleId, nominee, justification });
}
