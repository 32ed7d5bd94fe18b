import type { RequestContext } from "../../graphql/context";
import { Cohort } from "../training/cohort.entity";
import { Enrollment } from "../training/enrollment.entity";
import { ATTENDED, ATTENDED_SQL, HELD } from "./statistics.service";

export interface CourseFigureRow {
  courseId: number;
  cohorts: number;
  traineeAttendances: number;
  uniqueTrainees: number;
}

/** Per course, by the same rules as the totals (held cohorts, attended places); two grouped statements. */
export async function figuresByCourse(ctx: RequestContext): Promise<CourseFigureRow[]> {
  const held = { held: HELD, today: new Date().toISOString().slice(0, 10) };
  const cohortRows = await ctx.em
    .createQueryBuilder(Cohort, "c")
    .select("c.course_id", "cid")
    .addSelect("COUNT(*)", "n")
    .where("c.status IN (:...held) AND c.starts_on <= :today", held)
    .groupBy("c.course_id")
    .getRawMany<{ cid: number | string; n: number | string }>();
  const attendanceRows = await ctx.em
    .createQueryBuilder(Enrollment, "e")
    .innerJoin(Cohort, "c", "c.id = e.cohort_id")
    .select("c.course_id", "cid")
    .addSelect("COUNT(*)", "n")
    .addSelect("COUNT(DISTINCT e.trainee_id)", "u")
    .where("c.status IN (:...held) AND c.starts_on <= :today", held)
    .andWhere(ATTENDED_SQL, { attended: ATTENDED })
    .groupBy("c.course_id")
    .getRawMany<{ cid: number | string; n: number | string; u: number | string }>();
  const attended = new Map(attendanceRows.map((r) => [Number(r.cid), r]));
  return cohortRows
    .map((r) => ({
      courseId: Number(r.cid),
      cohorts: Number(r.n),
      traineeAttendances: Number(attended.get(Number(r.cid))?.n ?? 0),
      uniqueTrainees: Number(attended.get(Number(r.cid))?.u ?? 0),
    }))
    .sort((a, b) => b.traineeAttendances - a.traineeAttendances || a.courseId - b.courseId);
}
