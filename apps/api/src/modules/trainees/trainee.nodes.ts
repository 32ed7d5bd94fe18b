import { definePolicy } from "../../graphql/visibility";
import { judgeSeesNominee } from "../awards/award-judging.service";
import type { Trainee } from "./trainee.entity";
import { traineeById } from "./trainee.loaders";

/**
 * The person, staff, a partner key with MEMBERS_READ for its member enterprises' people, and a
 * judge for the people of the nominations they judge.
 */
export const traineePolicy = definePolicy<Trainee>({
  byId: traineeById,
  sees: (ctx, trainee) =>
    ctx.viewer?.traineeId === trainee.id ||
    ctx.hasRole("STAFF", "ADMIN") ||
    ctx.readsMember(trainee.enterpriseId) ||
    (ctx.hasRole("JUDGE") && judgeSeesNominee(ctx, trainee.id)),
});

export const traineePolicies = { Trainee: traineePolicy };
