import type { RequestContext } from "../../graphql/context";
import { definePolicy, rowsById } from "../../graphql/visibility";
import type { User } from "./user.entity";
import { TraineeClaim } from "./trainee-claim.entity";
import { userById } from "./account.loaders";

const staff = (ctx: RequestContext) => ctx.hasRole("STAFF", "ADMIN");

/** The person, and staff (judges to assign, actors, recipients); the account list itself is the admin's. */
export const userPolicy = definePolicy<User>({
  byId: userById,
  sees: (ctx, user) => ctx.viewer?.userId === user.id || staff(ctx),
});

export const accountPolicies = {
  User: userPolicy,
  /** The account that claims, and staff who decide. */
  TraineeClaim: definePolicy<TraineeClaim>({
    byId: rowsById(TraineeClaim),
    sees: (ctx, claim) => ctx.viewer?.userId === claim.userId || staff(ctx),
  }),
};
