import { seenAlsoBy, type Policies } from "../graphql/visibility";
import { accountPolicies } from "./accounts/account.nodes";
import { traineePolicies } from "./trainees/trainee.nodes";
import { enterprisePolicies } from "./enterprises/enterprise.nodes";
import { trainingPolicies } from "./training/training.nodes";
import { eventPolicies } from "./events/event.nodes";
import { chamberPolicies } from "./chambers/chamber.nodes";
import { awardPolicies, judgeSeesTheirNominee } from "./awards/award.nodes";
import { notificationPolicies } from "./notifications/notification.nodes";
import { auditPolicies } from "./audit/audit.nodes";
import { deskPolicies } from "./desk/desk.nodes";

/**
 * Every Node type's visibility policy, by GraphQL type name: each module declares its own in
 * `<module>.nodes.ts`; `node(id)` and every field that returns a Node type go through them
 * (graphql/visibility.ts). A Node type without one is never shown: the visibility test fails.
 * A module that widens another's policy does it here (`seenAlsoBy`), so neither imports the other.
 */
export const nodePolicies: Policies = {
  ...accountPolicies,
  ...traineePolicies,
  Trainee: seenAlsoBy(traineePolicies.Trainee, judgeSeesTheirNominee),
  ...enterprisePolicies,
  ...trainingPolicies,
  ...eventPolicies,
  ...chamberPolicies,
  ...awardPolicies,
  ...notificationPolicies,
  ...auditPolicies,
  ...deskPolicies,
} as unknown as Policies;
