import type { TestApp, TestUser } from "../../../testing/harness";
import { toGlobalId } from "../../../graphql/ids";

export const CREATE_COURSE = `mutation($i: CreateCourseInput!) { createCourse(input: $i) { course { id } userErrors { code field } } }`;
export const CREATE_COHORT = `mutation($i: CreateCohortInput!) { createCohort(input: $i) { cohort { id number status } userErrors { code field message } } }`;
export const STATUS = `mutation($i: ChangeCohortStatusInput!) { changeCohortStatus(input: $i) { cohort { id status seatsTaken } userErrors { code field } } }`;
export const ENROLL = `mutation($i: EnrollInput!) { enroll(input: $i) { enrollment { id status waitlistPosition } userErrors { code field message } } }`;
export const CANCEL = `mutation($i: CancelEnrollmentInput!) { cancelEnrollment(input: $i) { enrollment { id status } userErrors { code field } } }`;
export const REVIEW = `mutation($i: ReviewEnrollmentInput!) { reviewEnrollment(input: $i) { enrollment { id status reason } userErrors { code field } } }`;

/** A course with one OPEN cohort of the given capacity and admission mode. */
export async function openCohort(
  t: TestApp,
  staff: TestUser,
  opts: { capacity: number; admission?: "AUTO" | "REVIEW"; title?: string },
): Promise<string> {
  const course = await t.ok(
    CREATE_COURSE,
    { i: { title: opts.title ?? "民营企业家经营管理研修班", organizers: ["中国（卢作孚）民营经济学院", "西南大学"] } },
    { token: staff.token },
  );
  const cohort = await t.ok(
    CREATE_COHORT,
    {
      i: {
        courseId: course.createCourse.course.id,
        startsOn: "2026-03-01",
        endsOn: "2026-03-05",
        capacity: opts.capacity,
        admission: opts.admission ?? "AUTO",
      },
    },
    { token: staff.token },
  );
  expect(cohort.createCohort.userErrors).toEqual([]);
  const id = cohort.createCohort.cohort.id;
  const opened = await t.ok(STATUS, { i: { cohortId: id, status: "OPEN" } }, { token: staff.token });
  expect(opened.changeCohortStatus.cohort.status).toBe("OPEN");
  return id;
}

export const cohortRow = async (t: TestApp, id: string) =>
  (
    await t.ds.query(`SELECT seats_taken AS s, capacity AS c FROM cohort WHERE id = ?`, [
      Number(Buffer.from(id, "base64url").toString().split(":")[1]),
    ])
  )[0] as { s: number; c: number };

export const gid = toGlobalId;
