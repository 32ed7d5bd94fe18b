import type { RequestContext } from "../graphql/context";
import { readsAlways } from "../graphql/selection";
import { Cohort } from "./training/cohort.entity";
import { userById } from "./accounts/account.loaders";
import { traineeById } from "./trainees/trainee.loaders";
import { TraineeEnterpriseLink } from "./trainees/trainee-enterprise-link.entity";
import { enterpriseById, honorById, socialRecordById } from "./enterprises/enterprise.loaders";
import { certificateById, cohortById, courseById, enrollmentById, sessionById } from "./training/training.loaders";
import { eventNodeFetchers } from "./events/event.nodes";
import { chamberNodeFetchers } from "./chambers/chamber.nodes";
import { awardNodeFetchers } from "./awards/award.nodes";
import { notificationById } from "./notifications/notification.loaders";

// The checks below read these of rows that a page statement may have read in part (graphql/selection.ts).
readsAlways(Cohort, ["status"]);

/** A partner key's view of a trainee's records: only for people of its chamber's member enterprises. */
async function partnerReadsTrainee(ctx: RequestContext, traineeId: number | null): Promise<boolean> {
  if (!ctx.partner || !traineeId) return false;
  return ctx.readsMember((await ctx.loader(traineeById).load(traineeId))?.enterpriseId);
}

/**
 * How `node(id)` fetches each type, with the same visibility as the type's own queries: what the
 * caller may not see answers null, exactly like an ID that does not exist.
 */
export const nodeFetchers: Record<string, (ctx: RequestContext, id: number) => Promise<object | null> | null> = {
  User: (ctx, id) => (ctx.viewer?.userId === id || ctx.hasRole("ADMIN") ? ctx.loader(userById).load(id) : null),
  Trainee: async (ctx, id) => {
    const trainee = await ctx.loader(traineeById).load(id);
    // A partner key with MEMBERS_READ sees the people of its chamber's member enterprises.
    return trainee &&
      (ctx.viewer?.traineeId === id || ctx.hasRole("STAFF", "ADMIN") || ctx.readsMember(trainee.enterpriseId))
      ? trainee
      : null;
  },
  TraineeEnterpriseLink: async (ctx, id) => {
    const [link] = await ctx.em.findBy(TraineeEnterpriseLink, { id });
    return link && (ctx.viewer?.traineeId === link.traineeId || ctx.hasRole("STAFF", "ADMIN")) ? link : null;
  },
  Enterprise: (ctx, id) => ctx.loader(enterpriseById).load(id),
  EnterpriseHonor: (ctx, id) => ctx.loader(honorById).load(id),
  SocialResponsibilityRecord: (ctx, id) => ctx.loader(socialRecordById).load(id),
  Course: (ctx, id) => ctx.loader(courseById).load(id),
  Cohort: async (ctx, id) => {
    const cohort = await ctx.loader(cohortById).load(id);
    return cohort && (cohort.status !== "DRAFT" || ctx.hasRole("STAFF", "ADMIN")) ? cohort : null;
  },
  ClassSession: (ctx, id) => ctx.loader(sessionById).load(id),
  Enrollment: async (ctx, id) => {
    const enrollment = await ctx.loader(enrollmentById).load(id);
    return enrollment &&
      (enrollment.traineeId === ctx.viewer?.traineeId ||
        ctx.hasRole("STAFF", "ADMIN") ||
        (await partnerReadsTrainee(ctx, enrollment.traineeId)))
      ? enrollment
      : null;
  },
  Certificate: async (ctx, id) => {
    const certificate = await ctx.loader(certificateById).load(id);
    // An award certificate may have no trainee: null must not match a viewer without a profile.
    return certificate &&
      ((certificate.traineeId !== null && certificate.traineeId === ctx.viewer?.traineeId) ||
        ctx.hasRole("STAFF", "ADMIN") ||
        (await partnerReadsTrainee(ctx, certificate.traineeId)))
      ? certificate
      : null;
  },
  ...eventNodeFetchers,
  ...chamberNodeFetchers,
  ...awardNodeFetchers,
  Notification: async (ctx, id) => {
    const notification = await ctx.loader(notificationById).load(id);
    return notification && notification.recipientUserId === ctx.viewer?.userId ? notification : null;
  },
};
