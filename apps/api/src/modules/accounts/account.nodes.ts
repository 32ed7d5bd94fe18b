import { definePolicy } from "../../graphql/visibility";
import type { User } from "./user.entity";
import { userById } from "./account.loaders";

/** The person, and staff (judges to assign, actors, recipients); the account list itself is the admin's. */
export const userPolicy = definePolicy<User>({
  byId: userById,
  sees: (ctx, user) => ctx.viewer?.userId === user.id || ctx.hasRole("STAFF", "ADMIN"),
});

export const accountPolicies = { User: userPolicy };
