import type { SelectQueryBuilder } from "typeorm";
import type { RequestContext } from "../../graphql/context";
import { andThen, definePolicy, everyone } from "../../graphql/visibility";
import type { CommissionerAssignment, Visit } from "./commissioner.entity";
import type { Department } from "./department.entity";
import { canSeeProblem, deskLinks, scopeProblems } from "./desk.policy";
import {
  assignmentById,
  attachmentById,
  departmentById,
  problemById,
  problemEventById,
  visitById,
} from "./desk.loaders";
import type { Problem, ProblemEvent } from "./problem.entity";
import type { ProblemAttachment } from "./problem-attachment.entity";
import { EnterpriseContactRequest } from "./contact-request.entity";
import { EnterpriseContact } from "./department.entity";
import { rowsById } from "../../graphql/visibility";

const selfOrStaff = (ctx: RequestContext, row: { userId: number }) =>
  ctx.viewer?.userId === row.userId || ctx.hasRole("STAFF", "ADMIN");

/** Problems: see desk.policy.ts; the lists narrow by the same rule in SQL. */
export const problemPolicy = definePolicy<Problem>({
  byId: problemById,
  sees: canSeeProblem,
  scope: scopeProblems,
  primes: true,
});

const visibleProblem = (ctx: RequestContext, problemId: number) =>
  andThen(ctx.load(problemById, problemId), (problem) => (problem ? canSeeProblem(ctx, problem) : false));

/** Desk staff and the leaders oversee the commissioners' work. */
const overseesCommissioners = (ctx: RequestContext) =>
  ctx.hasRole("STAFF", "ADMIN", "LEADER_IN_CHARGE", "DISTRICT_HEAD");

/** A commissioner's assignments, current and past: the commissioner, desk staff and the leaders. */
export const assignmentPolicy = definePolicy<CommissionerAssignment>({
  byId: assignmentById,
  sees: (ctx, a) => overseesCommissioners(ctx) || ctx.viewer?.userId === a.commissionerUserId,
  scope: (ctx, qb: SelectQueryBuilder<CommissionerAssignment>) => {
    if (!overseesCommissioners(ctx))
      qb.andWhere(`${qb.alias}.commissioner_user_id = :assignmentViewer`, {
        assignmentViewer: ctx.viewer?.userId ?? -1,
      });
  },
});

/**
 * A visit is the commissioner's working note (whom they met, what they found, often about the
 * enterprise's own troubles): the commissioner who logged it, the enterprise's current
 * commissioner (who carries the service on), desk staff and the leaders. Not other
 * commissioners, departments or the enterprise: the enterprise sees the problems raised from it.
 */
export const visitPolicy = definePolicy<Visit>({
  byId: visitById,
  sees: (ctx, visit) => {
    if (overseesCommissioners(ctx)) return true;
    if (!ctx.viewer) return false;
    if (visit.commissionerUserId === ctx.viewer.userId) return true;
    return deskLinks(ctx).then((links) => !!links?.serves.includes(visit.enterpriseId));
  },
  scope: (ctx, qb: SelectQueryBuilder<Visit>) => {
    if (overseesCommissioners(ctx)) return;
    const v = qb.alias;
    qb.andWhere(
      `(${v}.commissioner_user_id = :visitViewer OR ${v}.enterprise_id IN
        (SELECT va.enterprise_id FROM commissioner_assignment va WHERE va.commissioner_user_id = :visitViewer AND va.current = 1))`,
      { visitViewer: ctx.viewer?.userId ?? -1 },
    );
  },
});

export const deskPolicies = {
  /** The district's departments are public. */
  Department: definePolicy<Department>({ byId: departmentById, sees: everyone }),
  Problem: problemPolicy,
  /** A step of the timeline is seen with its problem. */
  ProblemEvent: definePolicy<ProblemEvent>({
    byId: problemEventById,
    sees: (ctx, event) => visibleProblem(ctx, event.problemId),
  }),
  CommissionerAssignment: assignmentPolicy,
  Visit: visitPolicy,
  /** A file is seen (and downloaded) with its problem. */
  ProblemAttachment: definePolicy<ProblemAttachment>({
    byId: attachmentById,
    sees: (ctx, attachment) => visibleProblem(ctx, attachment.problemId),
  }),
  /** The person who asked, and staff who decide. */
  EnterpriseContactRequest: definePolicy<EnterpriseContactRequest>({
    byId: rowsById(EnterpriseContactRequest),
    sees: selfOrStaff,
  }),
  /** The contact, and staff. */
  EnterpriseContact: definePolicy<EnterpriseContact>({ byId: rowsById(EnterpriseContact), sees: selfOrStaff }),
};
