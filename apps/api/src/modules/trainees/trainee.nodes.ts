import { definePolicy } from "../../graphql/visibility";
import type { Trainee } from "./trainee.entity";
import type { TraineeEnterpriseLink } from "./trainee-enterprise-link.entity";
import { enterpriseLinkById, traineeById } from "./trainee.loaders";

/**
 * The person, staff, and a partner key with MEMBERS_READ for its member enterprises' people
 * (awards/ adds a judge for the people of the nominations they judge: modules/node-policies.ts).
 */
export const traineePolicy = definePolicy<Trainee>({
  byId: traineeById,
  sees: (ctx, trainee) =>
    // The row's own link too: an account that claims a record in this request sees it in the payload.
    (ctx.viewer !== null && (ctx.viewer.traineeId === trainee.id || ctx.viewer.userId === trainee.userId)) ||
    ctx.hasRole("STAFF", "ADMIN") ||
    ctx.readsMember(trainee.enterpriseId),
});

/** A trainee's enterprise links (claims included): the person and staff. */
export const enterpriseLinkPolicy = definePolicy<TraineeEnterpriseLink>({
  byId: enterpriseLinkById,
  sees: (ctx, link) => ctx.viewer?.traineeId === link.traineeId || ctx.hasRole("STAFF", "ADMIN"),
});

export const traineePolicies = { Trainee: traineePolicy, TraineeEnterpriseLink: enterpriseLinkPolicy };
