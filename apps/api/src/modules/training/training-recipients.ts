import { cohortTitle } from "@zuofu/shared";
import { In } from "typeorm";
import type { RequestContext } from "../../graphql/context";
import { usersOfTrainees } from "../trainees/trainee-recipients";
import { Course } from "./course.entity";
import { Cohort } from "./cohort.entity";
import { Enrollment } from "./enrollment.entity";
import type { EnrollmentStatus } from "./training.enums";

/** Training's notification recipients and subject names, read in the change's transaction. */

/** The users of these enrollments' trainees. */
export async function usersOfEnrollments(tx: RequestContext, enrollmentIds: number[]): Promise<number[]> {
  const rows = await tx.em.find(Enrollment, {
    select: { id: true, traineeId: true },
    where: { id: In(enrollmentIds) },
  });
  return usersOfTrainees(
    tx,
    rows.map((r) => r.traineeId),
  );
}

/** The users of the cohort's trainees whose enrollment is in one of `statuses`. */
export async function usersInCohort(tx: RequestContext, cohortId: number, statuses: EnrollmentStatus[]) {
  const rows = await tx.em.find(Enrollment, {
    select: { id: true, traineeId: true },
    where: { cohortId, status: In(statuses) },
  });
  return usersOfTrainees(
    tx,
    rows.map((r) => r.traineeId),
  );
}

/** `{ cohort: "课程名 第N期" }`: the course title does not change with the reader's language. */
export async function cohortParams(tx: RequestContext, cohortId: number): Promise<{ cohort: string }> {
  const cohort = await tx.em.findOneByOrFail(Cohort, { id: cohortId });
  const course = await tx.em.findOneByOrFail(Course, { id: cohort.courseId });
  return { cohort: cohortTitle(course.title, cohort.number) };
}
