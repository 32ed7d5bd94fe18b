import { In, type SelectQueryBuilder } from "typeorm";
import type { Role } from "@zuofu/shared";
import type { RequestContext } from "../../graphql/context";
import { paginate, type ConnectionArgs, type Page } from "../../graphql/connection";
import { fail } from "../../graphql/errors";
import { InputCheck } from "../../common/input-check";
import { beijingDay } from "../../common/beijing-time";
import { isDuplicateKey, isMysql } from "../../db/dialect";
import { audit, subjectOf } from "../audit/audit.service";
import { User } from "../accounts/user.entity";
import { matchNameOrPhone } from "../accounts/user-search";
import { Enterprise } from "../enterprises/enterprise.entity";
import { CommissionerAssignment, Visit } from "./commissioner.entity";
import { assignmentPolicy, visitPolicy } from "./desk.nodes";

/** A key enterprise not visited for this many days is overdue for a visit. */
export const VISIT_DUE_DAYS = 90;
const DAY = 24 * 3600_000;
const MAX_BATCH = 100;

/** The last Beijing day whose visit still counts: a later last visit keeps an enterprise covered today. */
export const visitCutoff = (now = new Date()) => beijingDay(new Date(now.getTime() - VISIT_DUE_DAYS * DAY));

export const isVisitOverdue = (lastVisitOn: string | null, now = new Date()) =>
  lastVisitOn === null || lastVisitOn < visitCutoff(now);

/** An active account with `role`, or the error naming what it is not. */
export async function personWithRole(
  tx: RequestContext,
  userId: number | null,
  role: Role,
  code: "NOT_A_COMMISSIONER" | "NOT_A_HANDLER" | "NOT_A_LEADER",
  field: string,
): Promise<User> {
  const user = userId ? await tx.em.findOneBy(User, { id: userId }) : null;
  if (!user) return fail("NOT_FOUND", field);
  if (!user.active || !user.roles.includes(role)) return fail(code, field, { name: user.name });
  return user;
}

/** The enterprises of a batch: 1 to 100, each once, each existing; all or none. */
async function enterprisesOf(tx: RequestContext, ids: (number | null)[]): Promise<Enterprise[]> {
  const check = new InputCheck();
  if (!ids.length || ids.length > MAX_BATCH) check.add("OUT_OF_RANGE", "enterpriseIds", { min: 1, max: MAX_BATCH });
  else if (new Set(ids).size !== ids.length) check.add("DUPLICATE_VALUE", "enterpriseIds");
  check.done();
  const known = ids.filter((id): id is number => id !== null);
  const rows = known.length ? await tx.em.findBy(Enterprise, { id: In(known) }) : [];
  const byId = new Map(rows.map((e) => [e.id, e]));
  return ids.map((id) => (id !== null && byId.get(id)) || fail("NOT_FOUND", "enterpriseIds"));
}

/** The enterprise's current assignment, locked on MySQL so that two staff changing it queue. */
async function currentAssignment(tx: RequestContext, enterpriseId: number) {
  const qb = tx.em
    .createQueryBuilder(CommissionerAssignment, "ca")
    .where("ca.enterprise_id = :enterpriseId AND ca.current = :yes", { enterpriseId, yes: true });
  return (isMysql(tx.app.dataSource) ? qb.setLock("pessimistic_write") : qb).getOne();
}

/** Ends an assignment, keeping it as history; false when someone else ended it first. */
async function endAssignment(tx: RequestContext, assignment: CommissionerAssignment, at: Date): Promise<boolean> {
  const result = await tx.em
    .createQueryBuilder()
    .update(CommissionerAssignment)
    .set({ current: null, endedAt: at })
    .where("id = :id AND current = :yes", { id: assignment.id, yes: true })
    .execute();
  return result.affected === 1;
}

/**
 * Desk staff make a cadre the commissioner of key enterprises; an enterprise with another
 * commissioner changes hands (the old assignment ends and stays as history). All or none.
 */
export async function assignCommissioner(
  ctx: RequestContext,
  commissionerId: number | null,
  enterpriseIds: (number | null)[],
): Promise<CommissionerAssignment[]> {
  ctx.requireRole("STAFF");
  return ctx.transaction(async (tx) => {
    const commissioner = await personWithRole(
      tx,
      commissionerId,
      "COMMISSIONER",
      "NOT_A_COMMISSIONER",
      "commissionerId",
    );
    const enterprises = await enterprisesOf(tx, enterpriseIds);
    const now = new Date();
    const made: CommissionerAssignment[] = [];
    for (const enterprise of enterprises) {
      const before = await currentAssignment(tx, enterprise.id);
      if (before?.commissionerUserId === commissioner.id)
        fail("ALREADY_ASSIGNED", "enterpriseIds", { name: enterprise.name });
      if (before && !(await endAssignment(tx, before, now)))
        fail("ALREADY_ASSIGNED", "enterpriseIds", { name: enterprise.name });
      // The enterprise's last visit goes with it: a new commissioner does not make an unvisited enterprise covered.
      const last = await tx.em
        .createQueryBuilder(Visit, "v")
        .select("MAX(v.visited_on)", "last")
        .where("v.enterprise_id = :id", { id: enterprise.id })
        .getRawOne<{ last: string | Date | null }>();
      const assignment = tx.em.create(CommissionerAssignment, {
        commissionerUserId: commissioner.id,
        enterpriseId: enterprise.id,
        current: true,
        lastVisitOn: dayText(last?.last ?? null),
        assignedBy: tx.viewer!.userId,
        endedAt: null,
      });
      try {
        await tx.em.insert(CommissionerAssignment, assignment);
      } catch (err) {
        // Another staff member assigned it at the same moment.
        if (isDuplicateKey(err)) fail("ALREADY_ASSIGNED", "enterpriseIds", { name: enterprise.name });
        throw err;
      }
      await audit(tx, "commissioner.assigned", subjectOf(assignment), {
        enterpriseId: enterprise.id,
        commissionerUserId: commissioner.id,
        previousCommissionerUserId: before?.commissionerUserId ?? null,
      });
      made.push(assignment);
    }
    return made;
  });
}

/** Desk staff let enterprises go from their commissioner (they are no longer key, or wait for a new one). */
export async function unassignCommissioner(
  ctx: RequestContext,
  enterpriseIds: (number | null)[],
): Promise<CommissionerAssignment[]> {
  ctx.requireRole("STAFF");
  return ctx.transaction(async (tx) => {
    const enterprises = await enterprisesOf(tx, enterpriseIds);
    const now = new Date();
    const ended: CommissionerAssignment[] = [];
    for (const enterprise of enterprises) {
      const before = await currentAssignment(tx, enterprise.id);
      if (!before || !(await endAssignment(tx, before, now)))
        return fail("NO_COMMISSIONER", "enterpriseIds", { name: enterprise.name });
      Object.assign(before, { current: null, endedAt: now });
      await audit(tx, "commissioner.unassigned", subjectOf(before), {
        enterpriseId: enterprise.id,
        commissionerUserId: before.commissionerUserId,
      });
      ended.push(before);
    }
    return ended;
  });
}

/** A DATE column as YYYY-MM-DD, whichever way the driver hands it back. */
export function dayText(value: string | Date | null): string | null {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}

export interface VisitInput {
  enterpriseId: number | null;
  visitedOn: string;
  met: string;
  findings: string;
}

/** A commissioner logs a visit to an enterprise they serve now, on a Beijing day from their start to today. */
export async function logVisit(ctx: RequestContext, input: VisitInput): Promise<Visit> {
  const viewer = ctx.requireRole("COMMISSIONER");
  const check = new InputCheck();
  const visitedOn = check.date(input.visitedOn, "visitedOn");
  if (!visitedOn && visitedOn !== undefined) check.add("REQUIRED", "visitedOn");
  const today = beijingDay();
  if (visitedOn && visitedOn > today) check.add("VISIT_IN_FUTURE", "visitedOn", { today });
  const met = check.requiredText(input.met, "met", 200);
  const findings = check.requiredText(input.findings, "findings", 2000);
  check.done();
  return ctx.transaction(async (tx) => {
    const enterpriseId = input.enterpriseId;
    const assignment = enterpriseId ? await currentAssignment(tx, enterpriseId) : null;
    if (!assignment || assignment.commissionerUserId !== viewer.userId)
      return fail("NOT_YOUR_ENTERPRISE", "enterpriseId");
    const since = beijingDay(assignment.createdAt);
    if (visitedOn! < since) fail("VISIT_BEFORE_ASSIGNMENT", "visitedOn", { since });
    const visit = tx.em.create(Visit, {
      enterpriseId: assignment.enterpriseId,
      commissionerUserId: viewer.userId,
      visitedOn: visitedOn!,
      met: met!,
      findings: findings!,
    });
    await tx.em.insert(Visit, visit);
    await tx.em
      .createQueryBuilder()
      .update(CommissionerAssignment)
      .set({ lastVisitOn: visitedOn! })
      .where("id = :id AND (last_visit_on IS NULL OR last_visit_on < :day)", { id: assignment.id, day: visitedOn })
      .execute();
    await audit(tx, "visit.logged", subjectOf(visit), { enterpriseId: visit.enterpriseId, visitedOn: visit.visitedOn });
    return visit;
  });
}

export interface AssignmentFilterInput {
  commissionerId?: number | null;
  enterpriseId?: number | null;
  current?: boolean | null;
  overdue?: boolean | null;
  town?: string | null;
}

/**
 * Assignments the caller may see (a commissioner their own, desk staff and leaders all), the
 * current ones by default; overdue ones (no visit for 90 days) longest unvisited first.
 */
export async function listAssignments(
  ctx: RequestContext,
  filter: AssignmentFilterInput,
  page: ConnectionArgs,
): Promise<Page<CommissionerAssignment>> {
  ctx.requireViewer();
  const qb: SelectQueryBuilder<CommissionerAssignment> = ctx.em.createQueryBuilder(CommissionerAssignment, "ca");
  assignmentPolicy.scope!(ctx, qb);
  if (filter.current !== false) qb.andWhere("ca.current = :yes", { yes: true });
  else qb.andWhere("ca.current IS NULL");
  if (filter.commissionerId != null) qb.andWhere("ca.commissioner_user_id = :c", { c: filter.commissionerId });
  if (filter.enterpriseId != null) qb.andWhere("ca.enterprise_id = :e", { e: filter.enterpriseId });
  if (filter.overdue)
    qb.andWhere("(ca.last_visit_on IS NULL OR ca.last_visit_on < :cutoff)", { cutoff: visitCutoff() });
  if (filter.town)
    qb.andWhere("ca.enterprise_id IN (SELECT te.id FROM enterprise te WHERE te.town = :town)", { town: filter.town });
  // Never visited first, then the longest ago; the empty text sorts before every date in both databases.
  return paginate(qb, page, [
    {
      expr: "COALESCE(ca.last_visit_on, '1000-01-01')",
      value: (a: CommissionerAssignment) => a.lastVisitOn ?? "1000-01-01",
      direction: "ASC",
    },
  ]);
}

export interface VisitFilterInput {
  enterpriseId?: number | null;
  commissionerId?: number | null;
}

/** Visits the caller may see, latest first. */
export async function listVisits(ctx: RequestContext, filter: VisitFilterInput, page: ConnectionArgs) {
  ctx.requireViewer();
  const qb: SelectQueryBuilder<Visit> = ctx.em.createQueryBuilder(Visit, "v");
  visitPolicy.scope!(ctx, qb);
  if (filter.enterpriseId != null) qb.andWhere("v.enterprise_id = :e", { e: filter.enterpriseId });
  if (filter.commissionerId != null) qb.andWhere("v.commissioner_user_id = :c", { c: filter.commissionerId });
  return paginate(qb, page, [{ expr: "v.visited_on", value: (v: Visit) => v.visitedOn, direction: "DESC" }]);
}

/** Accounts with a desk role, for staff who assign them; search matches part of the name or a whole phone. */
export function deskPeople(ctx: RequestContext, role: Role, search: string | null | undefined, page: ConnectionArgs) {
  ctx.requireRole("STAFF");
  const qb = ctx.em
    .createQueryBuilder(User, "user")
    .where("user.roles LIKE :role AND user.active = :active", { role: `%${role}%`, active: true });
  matchNameOrPhone(qb, "user", search);
  return paginate(qb, page, [{ expr: "user.name", value: (u: User) => u.name, direction: "ASC" }]);
}

export interface CoverageTotals {
  keyEnterprises: number;
  overdue: number;
}

/** How many key enterprises there are, and how many have had no visit for 90 days: one statement. */
export async function coverageTotals(ctx: RequestContext): Promise<CoverageTotals> {
  const row = await ctx.em
    .createQueryBuilder(CommissionerAssignment, "ca")
    .select("COUNT(*)", "keys")
    .addSelect("SUM(CASE WHEN ca.last_visit_on IS NULL OR ca.last_visit_on < :cutoff THEN 1 ELSE 0 END)", "overdue")
    .where("ca.current = :yes", { yes: true, cutoff: visitCutoff() })
    .getRawOne<{ keys: string | number; overdue: string | number | null }>();
  return { keyEnterprises: Number(row?.keys ?? 0), overdue: Number(row?.overdue ?? 0) };
}

export interface CommissionerCoverage {
  enterprises: number;
  overdue: number;
  lastVisitOn: string | null;
}

/** Per commissioner: the enterprises served now, how many are overdue, the latest visit; one statement per batch. */
export async function coverageOfCommissioners(ctx: RequestContext, ids: readonly number[]) {
  const rows = await ctx.em
    .createQueryBuilder(CommissionerAssignment, "ca")
    .select("ca.commissioner_user_id", "id")
    .addSelect("COUNT(*)", "enterprises")
    .addSelect("SUM(CASE WHEN ca.last_visit_on IS NULL OR ca.last_visit_on < :cutoff THEN 1 ELSE 0 END)", "overdue")
    .addSelect("MAX(ca.last_visit_on)", "last")
    .where("ca.current = :yes AND ca.commissioner_user_id IN (:...ids)", {
      yes: true,
      ids: [...ids],
      cutoff: visitCutoff(),
    })
    .groupBy("ca.commissioner_user_id")
    .getRawMany<{ id: number; enterprises: string | number; overdue: string | number; last: string | Date | null }>();
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return ids.map((id): CommissionerCoverage => {
    const r = byId.get(id);
    return r
      ? { enterprises: Number(r.enterprises), overdue: Number(r.overdue), lastVisitOn: dayText(r.last) }
      : { enterprises: 0, overdue: 0, lastVisitOn: null };
  });
}

export interface TownCoverage {
  town: string | null;
  keyEnterprises: number;
  overdue: number;
  smallEnterprises: number;
  smallWithoutContact: number;
}

/**
 * By town or street (镇街): key enterprises and those overdue for a visit, and the small (non-key)
 * enterprises, served point to point by the town, with no contact person at the desk. One statement.
 */
export async function coverageByTown(ctx: RequestContext): Promise<TownCoverage[]> {
  const rows = await ctx.em
    .createQueryBuilder(Enterprise, "e")
    .leftJoin(CommissionerAssignment, "ca", "ca.enterprise_id = e.id AND ca.current = :yes", { yes: true })
    .select("e.town", "town")
    .addSelect("COUNT(ca.id)", "keys")
    .addSelect(
      "SUM(CASE WHEN ca.id IS NOT NULL AND (ca.last_visit_on IS NULL OR ca.last_visit_on < :cutoff) THEN 1 ELSE 0 END)",
      "overdue",
    )
    .addSelect("SUM(CASE WHEN ca.id IS NULL THEN 1 ELSE 0 END)", "small")
    .addSelect(
      `SUM(CASE WHEN ca.id IS NULL AND NOT EXISTS (SELECT 1 FROM enterprise_contact ec WHERE ec.enterprise_id = e.id)
        THEN 1 ELSE 0 END)`,
      "uncontacted",
    )
    .setParameter("cutoff", visitCutoff())
    .groupBy("e.town")
    .orderBy("e.town", "ASC")
    .getRawMany<Record<string, string | number | null>>();
  return rows.map((r) => ({
    town: (r.town as string | null) ?? null,
    keyEnterprises: Number(r.keys ?? 0),
    overdue: Number(r.overdue ?? 0),
    smallEnterprises: Number(r.small ?? 0),
    smallWithoutContact: Number(r.uncontacted ?? 0),
  }));
}

/** The small (non-key) enterprises of a town with no contact person at the desk, by name. */
export function smallWithoutContact(ctx: RequestContext, town: string | null, page: ConnectionArgs) {
  const qb = ctx.em
    .createQueryBuilder(Enterprise, "e")
    .where(
      "NOT EXISTS (SELECT 1 FROM commissioner_assignment ca WHERE ca.enterprise_id = e.id AND ca.current = :yes)",
      { yes: true },
    )
    .andWhere("NOT EXISTS (SELECT 1 FROM enterprise_contact ec WHERE ec.enterprise_id = e.id)");
  if (town === null) qb.andWhere("e.town IS NULL");
  else qb.andWhere("e.town = :town", { town });
  return paginate(qb, page, [{ expr: "e.name", value: (e: Enterprise) => e.name, direction: "ASC" }]);
}
