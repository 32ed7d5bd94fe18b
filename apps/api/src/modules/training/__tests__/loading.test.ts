import "reflect-metadata";
import { TestApp, type TestUser } from "../../../testing/harness";
import { Cohort } from "../cohort.entity";
import { Course } from "../course.entity";
import { Enrollment, activeSlot } from "../enrollment.entity";
import { Trainee } from "../../trainees/trainee.entity";
import { Enterprise } from "../../enterprises/enterprise.entity";
import { EnterpriseHonor } from "../../enterprises/enterprise-honor.entity";
import { toGlobalId } from "../../../graphql/ids";

const Q1 = `{ cohorts(first: 20) { edges { node { number course { title } enrollments(first: 50) { edges { node { status trainee { name enterprise { name honors { kind year } } } } } } } } } }`;

/** Adds `size` cohorts, each with `perCohort` enrollments of trainees from enterprises with honors. */
async function grow(t: TestApp, size: number, perCohort: number, offset: number) {
  const course = await t.ds.getRepository(Course).save({ title: `课程${offset}`, organizers: ["学院"] });
  const enterprises = await t.ds.getRepository(Enterprise).save(
    Array.from({ length: size }, (_, i) => ({
      name: `企业${offset}-${i}`,
      creditCode: `L${String(offset * 100000 + i).padStart(17, "0")}`,
      listed: false,
    })),
  );
  await t.ds.getRepository(EnterpriseHonor).save(
    enterprises.flatMap((e) => [
      { enterpriseId: e.id, kind: "SRDI" as const, level: "MUNICIPAL" as const, year: 2022 },
      { enterpriseId: e.id, kind: "TECH_SME" as const, level: "MUNICIPAL" as const, year: 2023 },
    ]),
  );
  const trainees = await t.ds.getRepository(Trainee).save(
    Array.from({ length: perCohort }, (_, i) => ({
      name: `学员${offset}-${i}`,
      enterpriseId: enterprises[i % enterprises.length].id,
    })),
    { chunk: 200 },
  );
  for (let c = 0; c < size; c++) {
    const cohort = await t.ds.getRepository(Cohort).save({
      courseId: course.id,
      number: c + 1,
      title: "班",
      startsOn: `2024-0${(c % 9) + 1}-01`,
      endsOn: "2024-12-31",
      capacity: 1000,
      seatsTaken: perCohort,
      admission: "AUTO",
      status: "COMPLETED",
      completionThreshold: 80,
    });
    await t.ds.getRepository(Enrollment).insert(
      trainees.map((tr) => ({
        cohortId: cohort.id,
        traineeId: tr.id,
        status: "COMPLETED" as const,
        activeSlot: activeSlot(cohort.id, tr.id),
      })),
    );
  }
}

describe("loading discipline", () => {
  jest.setTimeout(60_000);
  let t: TestApp;
  let staff: TestUser;
  beforeAll(async () => {
    t = await TestApp.start();
    staff = await t.user(["STAFF"]);
  });
  afterAll(() => t.close());

  it("answers the nested cohort query with one statement per level, whatever the data size", async () => {
    await grow(t, 3, 6, 1);
    const small = await t.gql(Q1, {}, { token: staff.token });
    expect(small.errors).toBeUndefined();
    const smallCount = Number(small.headers.get("x-sql-statements"));
    await grow(t, 30, 60, 2);
    const large = await t.gql(Q1, {}, { token: staff.token });
    expect(large.errors).toBeUndefined();
    const edges = large.data.cohorts.edges;
    expect(edges).toHaveLength(20);
    expect(edges[0].node.enrollments.edges).toHaveLength(50);
    expect(edges[0].node.enrollments.edges[0].node.trainee.enterprise.honors).toHaveLength(2);
    const largeCount = Number(large.headers.get("x-sql-statements"));
    // session check, cohorts, courses, enrollments (windowed), trainees, enterprises, honors
    expect(largeCount).toBe(smallCount);
    expect(largeCount).toBeLessThanOrEqual(7);
  });

  it("answers a cohort's free seats from the columns it declares, on a cohort a page read in part", async () => {
    // 学员1-0 is in the three cohorts of the first grow(), 6 people each, 1000 seats.
    const trainee = await t.ds.getRepository(Trainee).findOneByOrFail({ name: "学员1-0" });
    const [first] = await t.ds
      .getRepository(Enrollment)
      .find({ where: { traineeId: trainee.id }, order: { id: "ASC" } });
    // Over capacity (staff let more in) counts as no seat left.
    await t.ds.getRepository(Cohort).update(first.cohortId, { capacity: 5 });
    const data = await t.ok(
      `query($trainee: ID!, $cohort: ID!) {
        cohort: node(id: $cohort) { ... on Cohort { seatsLeft } }
        trainee: node(id: $trainee) { ... on Trainee { enrollments(first: 3) { edges { node { cohort { seatsLeft } } } } } }
      }`,
      { trainee: toGlobalId("Trainee", trainee.id), cohort: toGlobalId("Cohort", first.cohortId) },
      { token: staff.token },
    );
    expect(data.cohort).toEqual({ seatsLeft: 0 });
    expect(data.trainee.enrollments.edges.map((e: { node: { cohort: object } }) => e.node.cohort)).toEqual([
      { seatsLeft: 0 },
      { seatsLeft: 994 },
      { seatsLeft: 994 },
    ]);
  });
});
