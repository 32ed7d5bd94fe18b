import { cohortTitle } from "@zuofu/shared";
import { In } from "typeorm";
import type { RequestContext } from "../../graphql/context";
import { Trainee } from "../trainees/trainee.entity";
import { Course } from "../training/course.entity";
import { Cohort } from "../training/cohort.entity";
import { Enrollment } from "../training/enrollment.entity";
import type { EnrollmentStatus } from "../training/training.enums";
import { AwardCycle } from "../awards/award-cycle.entity";
import { AwardProgram } from "../awards/award-program.entity";
import { AwardJudgeAssignment } from "../awards/award-judge-assignment.entity";
import { AwardNomination } from "../awards/award-nomination.entity";
import { EventRegistration } from "../events/event-registration.entity";

/** Who to tell and how to name the subject, read in the change's transaction so call sites stay one line. */

/** The user accounts of these trainees (a trainee imported without an account is skipped). */
export async function usersOfTrainees(tx: RequestContext, traineeIds: (number | null)[]): Promise<number[]> {
  const ids = [...new Set(traineeIds.filter((id): id is number => id !== null))];
  if (!ids.length) return [];
  const rows = await tx.em.find(Trainee, { select: { id: true, userId: true }, where: { id: In(ids) } });
  return rows.map((r) => r.userId).filter((id): id is number => id !== null);
}

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

/** `{ cycle: "卢作孚光彩奖 2026" }`. */
export async function cycleParams(tx: RequestContext, cycleId: number): Promise<{ cycle: string }> {
  const cycle = await tx.em.findOneByOrFail(AwardCycle, { id: cycleId });
  const program = await tx.em.findOneByOrFail(AwardProgram, { id: cycle.programId });
  return { cycle: `${program.name} ${cycle.year}` };
}

/** Everyone with a stake in a cycle's results: its judges and the people nominated. */
export async function usersOfCycle(tx: RequestContext, cycleId: number): Promise<number[]> {
  const judges = await tx.em.find(AwardJudgeAssignment, {
    select: { id: true, judgeUserId: true },
    where: { cycleId },
  });
  const nominees = await tx.em.find(AwardNomination, {
    select: { id: true, traineeId: true },
    where: { cycleId, status: "ACTIVE" },
  });
  return [
    ...judges.map((j) => j.judgeUserId),
    ...(await usersOfTrainees(
      tx,
      nominees.map((n) => n.traineeId),
    )),
  ];
}

/** The users registered (not waitlisted) for an event. */
export async function usersOfEvent(tx: RequestContext, eventId: number): Promise<number[]> {
  const rows = await tx.em.find(EventRegistration, {
    select: { id: true, traineeId: true },
    where: { eventId, status: "REGISTERED" },
  });
  return usersOfTrainees(
    tx,
    rows.map((r) => r.traineeId),
  );
}
