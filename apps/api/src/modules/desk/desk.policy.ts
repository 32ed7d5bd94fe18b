import type { SelectQueryBuilder } from "typeorm";
import type { ProblemLevel } from "@zuofu/shared";
import type { RequestContext } from "../../graphql/context";
import { andThen } from "../../graphql/visibility";
import { departmentsHeldByProblem, deskLinksByUser, type DeskLinks } from "./desk.loaders";
import type { Problem } from "./problem.entity";

/** The enterprises a user speaks for or serves, the departments they handle or lead. */
export async function deskLinks(ctx: RequestContext): Promise<DeskLinks | null> {
  return ctx.viewer ? ctx.load(deskLinksByUser, ctx.viewer.userId) : null;
}

const seesAll = (ctx: RequestContext) => ctx.hasRole("STAFF", "ADMIN", "DISTRICT_HEAD");

/**
 * Who sees a problem (desk.nodes.ts): desk staff and the district head all of them; an
 * enterprise's contacts and its current commissioner the enterprise's; a department's handlers and
 * its leader in charge the problems their department holds or once held (a transfer away leaves
 * them the history, read-only: `holdsProblem` decides who may act); a partner chamber's key (PROBLEMS_WRITE) those it reported.
 */
export function canSeeProblem(ctx: RequestContext, problem: Problem): boolean | Promise<boolean> {
  if (seesAll(ctx)) return true;
  // A partner chamber's key sees the problems it reported, nothing else (PROBLEMS_WRITE).
  if (ctx.partner) return ctx.hasScope("PROBLEMS_WRITE") && problem.reportedByChamberId === ctx.partner.chamberId;
  if (!ctx.viewer) return false;
  return deskLinks(ctx).then((links) => {
    if (!links) return false;
    if (links.contactOf.includes(problem.enterpriseId) || links.serves.includes(problem.enterpriseId)) return true;
    const mine = [...links.handles, ...links.leads];
    if (!mine.length) return false;
    if (problem.departmentId !== null && mine.includes(problem.departmentId)) return true;
    return andThen(ctx.load(departmentsHeldByProblem, problem.id), (held) => !!held?.some((d) => mine.includes(d)));
  });
}

/** The same rule as SQL on a list's statement (`qb.alias` names the problem table). */
export function scopeProblems(ctx: RequestContext, qb: SelectQueryBuilder<Problem>): void {
  if (seesAll(ctx)) return;
  const p = qb.alias;
  if (ctx.partner) {
    qb.andWhere(`${p}.reported_by_chamber_id = :deskChamber`, {
      deskChamber: ctx.hasScope("PROBLEMS_WRITE") ? ctx.partner.chamberId : -1,
    });
    return;
  }
  const mine = `(SELECT dh.department_id FROM department_handler dh WHERE dh.user_id = :deskViewer
      UNION SELECT dl.id FROM department dl WHERE dl.leader_user_id = :deskViewer)`;
  qb.andWhere(
    `(${p}.enterprise_id IN (SELECT ec.enterprise_id FROM enterprise_contact ec WHERE ec.user_id = :deskViewer)
      OR ${p}.enterprise_id IN (SELECT ca.enterprise_id FROM commissioner_assignment ca WHERE ca.commissioner_user_id = :deskViewer AND ca.current = 1)
      OR ${p}.department_id IN ${mine}
      OR ${p}.id IN (SELECT pe.problem_id FROM problem_event pe WHERE pe.department_id IN ${mine}))`,
    { deskViewer: ctx.viewer?.userId ?? -1 },
  );
}

/**
 * Whether the caller holds the problem at its current level and may work on it: a handler of its
 * department, the department's leader in charge, or the district head.
 */
export async function holdsProblem(ctx: RequestContext, problem: Problem, level: ProblemLevel = problem.level) {
  if (level === "DISTRICT_HEAD") return ctx.hasRole("DISTRICT_HEAD");
  // The role first: desk staff listing the queue (heldByViewer) read no links at all.
  if (!ctx.hasRole(level === "DEPARTMENT" ? "DEPARTMENT_HANDLER" : "LEADER_IN_CHARGE")) return false;
  const links = await deskLinks(ctx);
  if (!links || problem.departmentId === null) return false;
  return (level === "DEPARTMENT" ? links.handles : links.leads).includes(problem.departmentId);
}
