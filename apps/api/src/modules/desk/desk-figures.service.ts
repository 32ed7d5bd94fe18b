import type { SelectQueryBuilder } from "typeorm";
import type { RequestContext } from "../../graphql/context";
import { isMysql } from "../../db/dialect";
import { Department } from "./department.entity";
import { Problem, ProblemEvent } from "./problem.entity";
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
 * The desk's figures by one dimension, in two grouped statements whatever the number of problems: one
 * for counts by status, overdue (owed and past the due date), answered on time; one for the
 * ratings, every round of them (a reopened problem's "not satisfied" counts beside its final
 * rating). Months are Beijing calendar months of the report.
 */
export async function figuresBy(
  ctx: RequestContext,
  dimension: FigureDimension,
  range: FigureRange,
): Promise<FigureRow[]> {
  // Beijing is UTC+8 all year: the stored UTC time moved by eight hours gives its calendar month.
  const month = isMysql(ctx.app.dataSource)
    ? "DATE_FORMAT(DATE_ADD(p.created_at, INTERVAL 8 HOUR), '%Y-%m')"
    : "strftime('%Y-%m', p.created_at, '+8 hours')";
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
    .setParameters({ unresolved: UNRESOLVED, owed: OPEN_STATUSES, now: new Date() });
  if (dimension === "DEPARTMENT") qb.leftJoin(Department, "d", "d.id = p.department_id").addSelect("d.name", "label");
  // Each RATED step of the problems in range, grouped the same way (by the problem's department, category, level, month).
  const ratings = ctx.em
    .createQueryBuilder(ProblemEvent, "e")
    .innerJoin(Problem, "p", "p.id = e.problem_id")
    .select(key, "k")
    .addSelect("COUNT(*)", "rated")
    .addSelect("SUM(CASE WHEN e.rating IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN 1 ELSE 0 END)", "satisfied")
    .where("e.kind = 'RATED'");
  for (const q of [qb, ratings] as SelectQueryBuilder<Problem | ProblemEvent>[]) {
    if (range.from) q.andWhere("p.created_at >= :from", { from: range.from });
    if (range.to) q.andWhere("p.created_at < :to", { to: range.to });
    if (dimension !== "ALL") q.groupBy(key);
  }
  if (dimension !== "ALL") qb.orderBy(key, "ASC");
  if (dimension === "DEPARTMENT") qb.addGroupBy("d.name");
  const [rows, rated] = await Promise.all([
    qb.getRawMany<Record<string, string | number | null>>(),
    ratings.getRawMany<Record<string, string | number | null>>(),
  ]);
  const n = (v: string | number | null | undefined) => Number(v ?? 0);
  const keyOf = (k: string | number | null | undefined) => (k === null || k === undefined ? "NONE" : String(k));
  const ratedBy = new Map(rated.map((r) => [keyOf(r.k), r]));
  return rows.map((r) => ({
    key: keyOf(r.k),
    departmentId: dimension === "DEPARTMENT" && r.k !== null ? Number(r.k) : null,
    label: (r.label as string | null | undefined) ?? null,
    total: n(r.total),
    open: n(r.open),
    overdue: n(r.overdue),
    closed: n(r.closed),
    answered: n(r.answered),
    onTime: n(r.onTime),
    rated: n(ratedBy.get(keyOf(r.k))?.rated),
    satisfied: n(ratedBy.get(keyOf(r.k))?.satisfied),
  }));
}
