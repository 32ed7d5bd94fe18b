import type { RequestContext } from "../../graphql/context";
import { isMysql } from "../../db/dialect";
import { Department } from "./department.entity";
import { Problem } from "./problem.entity";
import { OPEN_STATUSES } from "./problem.service";

export type FigureDimension = "ALL" | "DEPARTMENT" | "CATEGORY" | "LEVEL" | "MONTH";

export interface FigureRow {
  key: string;
  departmentId: number | null;
  label: string | null;
  total: number;
  open: number;
  overdue: number;
  closed: number;
  answered: number;
  onTime: number;
  rated: number;
  satisfied: number;
}

export interface FigureRange {
  from?: Date | null;
  to?: Date | null;
}

/** Not yet answered for good: new, with the desk, or owed an answer by a level. */
const UNRESOLVED = ["REPORTED", "TRIAGED", ...OPEN_STATUSES];

/**
 * The desk's figures by one dimension, in one grouped statement whatever the number of problems:
 * counts by status, overdue (owed and past the due date), answered on time, and the latest
 * ratings; months are UTC calendar months of the report.
 */
export async function figuresBy(
  ctx: RequestContext,
  dimension: FigureDimension,
  range: FigureRange,
): Promise<FigureRow[]> {
  const month = isMysql(ctx.app.dataSource) ? "DATE_FORMAT(p.created_at, '%Y-%m')" : "strftime('%Y-%m', p.created_at)";
  const key = {
    ALL: "'ALL'",
    DEPARTMENT: "p.department_id",
    CATEGORY: "p.category",
    LEVEL: "p.level",
    MONTH: month,
  }[dimension];
  const qb = ctx.em
    .createQueryBuilder(Problem, "p")
    .select(key, "k")
    .addSelect("COUNT(*)", "total")
    .addSelect("SUM(CASE WHEN p.status IN (:...unresolved) THEN 1 ELSE 0 END)", "open")
    .addSelect("SUM(CASE WHEN p.status IN (:...owed) AND p.due_at < :now THEN 1 ELSE 0 END)", "overdue")
    .addSelect("SUM(CASE WHEN p.status = 'CLOSED' THEN 1 ELSE 0 END)", "closed")
    .addSelect("SUM(CASE WHEN p.answered_at IS NOT NULL THEN 1 ELSE 0 END)", "answered")
    .addSelect("SUM(CASE WHEN p.answered_at IS NOT NULL AND p.late = 0 THEN 1 ELSE 0 END)", "onTime")
    .addSelect("SUM(CASE WHEN p.rating IS NOT NULL THEN 1 ELSE 0 END)", "rated")
    .addSelect("SUM(CASE WHEN p.rating IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN 1 ELSE 0 END)", "satisfied")
    .setParameters({ unresolved: UNRESOLVED, owed: OPEN_STATUSES, now: new Date() });
  if (dimension === "DEPARTMENT") qb.leftJoin(Department, "d", "d.id = p.department_id").addSelect("d.name", "label");
  if (range.from) qb.andWhere("p.created_at >= :from", { from: range.from });
  if (range.to) qb.andWhere("p.created_at < :to", { to: range.to });
  if (dimension !== "ALL") qb.groupBy(key).orderBy(key, "ASC");
  if (dimension === "DEPARTMENT") qb.addGroupBy("d.name");
  const rows = await qb.getRawMany<Record<string, string | number | null>>();
  const n = (v: string | number | null | undefined) => Number(v ?? 0);
  return rows.map((r) => ({
    key: r.k === null ? "NONE" : String(r.k),
    departmentId: dimension === "DEPARTMENT" && r.k !== null ? Number(r.k) : null,
    label: (r.label as string | null | undefined) ?? null,
    total: n(r.total),
    open: n(r.open),
    overdue: n(r.overdue),
    closed: n(r.closed),
    answered: n(r.answered),
    onTime: n(r.onTime),
    rated: n(r.rated),
    satisfied: n(r.satisfied),
  }));
}
