import type { RequestContext } from "../../graphql/context";
import { isMysql } from "../../db/dialect";
import { Cohort } from "../training/cohort.entity";
import { Enrollment } from "../training/enrollment.entity";
import { Event } from "../events/event.entity";
import { countCommendations } from "../awards/honor-roll.service";

export const HELD = ["IN_PROGRESS", "COMPLETED"];
export const ATTENDED = ["ENROLLED", "COMPLETED"];
/** A trainee attended (人次) while enrolled, once completed, and also when the cohort ended below the threshold. */
export const ATTENDED_SQL = "(e.status IN (:...attended) OR e.outcome = 'NOT_COMPLETED')";

/** Three grouped statements, whatever the data size; indexes on status and start date serve them. */
export async function statistics(ctx: RequestContext) {
  const today = new Date().toISOString().slice(0, 10);
  const yearExpr = isMysql(ctx.app.dataSource) ? "YEAR(c.starts_on)" : "CAST(substr(c.starts_on, 1, 4) AS INTEGER)";
  const held = (qb: ReturnType<RequestContext["em"]["createQueryBuilder"]>) =>
    qb.where("c.status IN (:...held) AND c.starts_on <= :today", { held: HELD, today });
  const cohortRows = await held(
    ctx.em.createQueryBuilder(Cohort, "c").select(yearExpr, "year").addSelect("COUNT(*)", "n"),
  )
    .groupBy("year")
    .getRawMany<{ year: number | string; n: number | string }>();
  const attendanceRows = await held(
    ctx.em
      .createQueryBuilder(Enrollment, "e")
      .innerJoin(Cohort, "c", "c.id = e.cohort_id")
      .select(yearExpr, "year")
      .addSelect("COUNT(*)", "n"),
  )
    .andWhere(ATTENDED_SQL, { attended: ATTENDED })
    .groupBy("year")
    .getRawMany<{ year: number | string; n: number | string }>();
  const unique = await held(
    ctx.em
      .createQueryBuilder(Enrollment, "e")
      .innerJoin(Cohort, "c", "c.id = e.cohort_id")
      .select("COUNT(DISTINCT e.trainee_id)", "n"),
  )
    .andWhere(ATTENDED_SQL, { attended: ATTENDED })
    .getRawOne<{ n: number | string }>();
  const years = new Map<number, { year: number; cohorts: number; traineeAttendances: number }>();
  const at = (y: number | string) => {
    const year = Number(y);
    if (!years.has(year)) years.set(year, { year, cohorts: 0, traineeAttendances: 0 });
    return years.get(year)!;
  };
  for (const r of cohortRows) at(r.year).cohorts = Number(r.n);
  for (const r of attendanceRows) at(r.year).traineeAttendances = Number(r.n);
  const byYear = [...years.values()].sort((a, b) => a.year - b.year);
  return {
    cohorts: byYear.reduce((s, y) => s + y.cohorts, 0),
    traineeAttendances: byYear.reduce((s, y) => s + y.traineeAttendances, 0),
    uniqueTrainees: Number(unique?.n ?? 0),
    byYear,
    ...(await heldEvents(ctx)),
    commendations: await countCommendations(ctx),
  };
}

/** Salons and lectures held so far: published (not cancelled, not a draft) and started. One statement. */
async function heldEvents(ctx: RequestContext): Promise<{ salons: number; lectures: number }> {
  const rows = await ctx.em
    .createQueryBuilder(Event, "e")
    .select("e.kind", "kind")
    .addSelect("COUNT(*)", "n")
    .where("e.status = :published AND e.starts_at <= :now", { published: "PUBLISHED", now: new Date() })
    .groupBy("e.kind")
    .getRawMany<{ kind: string; n: number | string }>();
  const of = (kind: string) => Number(rows.find((r) => r.kind === kind)?.n ?? 0);
  return { salons: of("SALON"), lectures: of("LECTURE") };
}
