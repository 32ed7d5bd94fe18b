import "reflect-metadata";
import { TestApp, type TestUser } from "../../../testing/harness";
import { AuditEntry } from "../../audit/audit-entry.entity";
import { Enrollment } from "../enrollment.entity";
import { CANCEL, CREATE_COHORT, CREATE_COURSE, ENROLL, REVIEW, STATUS, cohortRow, openCohort } from "./fixtures";

let t: TestApp;
let staff: TestUser;
beforeAll(async () => {
  t = await TestApp.start();
  staff = await t.user(["STAFF"]);
});
afterAll(() => t.close());

describe("AUTO admission", () => {
  it("takes free seats, then waitlists with positions, and moves the first up when a seat frees", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 2 });
    const people = await Promise.all([1, 2, 3, 4].map(() => t.user(["TRAINEE"])));
    const results = [];
    for (const p of people)
      results.push((await t.ok(ENROLL, { i: { cohortId } }, { token: p.token })).enroll.enrollment);
    expect(results.map((e) => [e.status, e.waitlistPosition])).toEqual([
      ["ENROLLED", null],
      ["ENROLLED", null],
      ["WAITLISTED", 1],
      ["WAITLISTED", 2],
    ]);
    expect(await cohortRow(t, cohortId)).toMatchObject({ s: 2 });

    const cancelled = await t.ok(CANCEL, { i: { enrollmentId: results[0].id } }, { token: people[0].token });
    expect(cancelled.cancelEnrollment.enrollment.status).toBe("CANCELLED");
    const third = await t.ok(
      `query($id: ID!) { node(id: $id) { ... on Enrollment { status waitlistPosition decidedAt } } }`,
      { id: results[2].id },
      { token: people[2].token },
    );
    // Moving up is the admission: it carries the time it happened.
    expect(third.node).toMatchObject({ status: "ENROLLED", waitlistPosition: null });
    expect(Date.now() - Date.parse(third.node.decidedAt)).toBeLessThan(60_000);
    const fourth = await t.ok(
      `query($id: ID!) { node(id: $id) { ... on Enrollment { status waitlistPosition } } }`,
      { id: results[3].id },
      { token: people[3].token },
    );
    expect(fourth.node).toEqual({ status: "WAITLISTED", waitlistPosition: 1 });
    expect(await cohortRow(t, cohortId)).toMatchObject({ s: 2 });

    // The cancelling trainee may enroll again, and joins the back of the line.
    const again = await t.ok(ENROLL, { i: { cohortId } }, { token: people[0].token });
    expect(again.enroll.enrollment).toMatchObject({ status: "WAITLISTED", waitlistPosition: 2 });
  });

  it("refuses a second enrollment, a closed window, a cohort not open, and unknown cohorts", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 5 });
    const p = await t.user(["TRAINEE"]);
    await t.ok(ENROLL, { i: { cohortId } }, { token: p.token });
    const twice = await t.ok(ENROLL, { i: { cohortId } }, { token: p.token });
    expect(twice.enroll.userErrors).toEqual([
      expect.objectContaining({ code: "ALREADY_ENROLLED", field: ["input", "cohortId"] }),
    ]);

    await t.ok(
      `mutation($i: UpdateCohortInput!) { updateCohort(input: $i) { userErrors { code } } }`,
      {
        i: {
          cohortId,
          enrollmentClosesAt: new Date(Date.now() - 60_000).toISOString(),
          enrollmentOpensAt: new Date(Date.now() - 3600_000).toISOString(),
        },
      },
      { token: staff.token },
    );
    const late = await t.ok(ENROLL, { i: { cohortId } }, { token: (await t.user(["TRAINEE"])).token });
    expect(late.enroll.userErrors[0].code).toBe("ENROLLMENT_CLOSED");

    const course = await t.ok(CREATE_COURSE, { i: { title: "草稿课程" } }, { token: staff.token });
    const draft = await t.ok(
      CREATE_COHORT,
      {
        i: {
          courseId: course.createCourse.course.id,
          startsOn: "2026-05-01",
          endsOn: "2026-05-02",
          capacity: 10,
        },
      },
      { token: staff.token },
    );
    const hidden = await t.ok(ENROLL, { i: { cohortId: draft.createCohort.cohort.id } }, { token: p.token });
    expect(hidden.enroll.userErrors[0].code).toBe("NOT_FOUND");
    await t.ok(STATUS, { i: { cohortId: draft.createCohort.cohort.id, status: "OPEN" } }, { token: staff.token });
    await t.ok(
      STATUS,
      { i: { cohortId: draft.createCohort.cohort.id, status: "IN_PROGRESS" } },
      { token: staff.token },
    );
    const started = await t.ok(ENROLL, { i: { cohortId: draft.createCohort.cohort.id } }, { token: p.token });
    expect(started.enroll.userErrors[0].code).toBe("COHORT_NOT_OPEN");

    const unknown = await t.ok(ENROLL, { i: { cohortId: "Q29ob3J0Ojk5OTk5" } }, { token: p.token });
    expect(unknown.enroll.userErrors[0].code).toBe("NOT_FOUND");
    const anon = await t.gql(ENROLL, { i: { cohortId } });
    expect(anon.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(await t.count(Enrollment, { traineeId: p.traineeId! })).toBe(1);
  });
});

describe("REVIEW admission", () => {
  it("waits for staff, who approve while seats last and reject with a reason", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 1, admission: "REVIEW" });
    const [a, b, c] = [await t.user(["TRAINEE"]), await t.user(["TRAINEE"]), await t.user(["TRAINEE"])];
    const ea = (await t.ok(ENROLL, { i: { cohortId } }, { token: a.token })).enroll.enrollment;
    const eb = (await t.ok(ENROLL, { i: { cohortId } }, { token: b.token })).enroll.enrollment;
    const ec = (await t.ok(ENROLL, { i: { cohortId } }, { token: c.token })).enroll.enrollment;
    expect([ea.status, eb.status, ec.status]).toEqual(["PENDING", "PENDING", "PENDING"]);

    const byTrainee = await t.gql(REVIEW, { i: { enrollmentId: ea.id, decision: "APPROVE" } }, { token: a.token });
    expect(byTrainee.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(
      (await t.ok(REVIEW, { i: { enrollmentId: ea.id, decision: "APPROVE" } }, { token: staff.token })).reviewEnrollment
        .enrollment.status,
    ).toBe("ENROLLED");
    const full = await t.ok(REVIEW, { i: { enrollmentId: eb.id, decision: "APPROVE" } }, { token: staff.token });
    expect(full.reviewEnrollment.userErrors[0].code).toBe("COHORT_FULL");
    const noReason = await t.ok(REVIEW, { i: { enrollmentId: eb.id, decision: "REJECT" } }, { token: staff.token });
    expect(noReason.reviewEnrollment.userErrors[0]).toMatchObject({
      code: "REASON_REQUIRED",
      field: ["input", "reason"],
    });
    const rejected = await t.ok(
      REVIEW,
      { i: { enrollmentId: eb.id, decision: "REJECT", reason: "本期面向制造业企业" } },
      { token: staff.token },
    );
    expect(rejected.reviewEnrollment.enrollment).toMatchObject({ status: "REJECTED", reason: "本期面向制造业企业" });
    const twice = await t.ok(REVIEW, { i: { enrollmentId: eb.id, decision: "APPROVE" } }, { token: staff.token });
    expect(twice.reviewEnrollment.userErrors[0].code).toBe("WRONG_STATUS");
    expect(await cohortRow(t, cohortId)).toMatchObject({ s: 1 });

    const queue = await t.ok(
      `query($id: ID!) { node(id: $id) { ... on Cohort { enrollments(first: 10, status: PENDING) { totalCount edges { node { id trainee { name } } } } } } }`,
      { id: cohortId },
      { token: staff.token },
    );
    expect(queue.node.enrollments.totalCount).toBe(1);
    expect(queue.node.enrollments.edges[0].node.id).toBe(ec.id);
  });

  it("staff approve many at once: each decided on its own, the rest reported by index, audited one by one", async () => {
    const BULK = `mutation($i: ReviewEnrollmentsInput!) { reviewEnrollments(input: $i) { enrollments { id status } userErrors { code field message } } }`;
    const cohortId = await openCohort(t, staff, { capacity: 9, admission: "REVIEW" });
    const ids: string[] = [];
    for (let i = 0; i < 11; i++) {
      const trainee = await t.user(["TRAINEE"]);
      ids.push((await t.ok(ENROLL, { i: { cohortId } }, { token: trainee.token })).enroll.enrollment.id);
    }
    const audits = await t.count(AuditEntry, { action: "enrollment.review" });

    // Input wrong as a whole changes nothing.
    const bad = async (i: Record<string, unknown>) =>
      (await t.ok(BULK, { i }, { token: staff.token })).reviewEnrollments.userErrors.map(
        (e: { code: string }) => e.code,
      );
    expect(await bad({ enrollmentIds: [], decision: "APPROVE" })).toEqual(["REQUIRED"]);
    expect(await bad({ enrollmentIds: [ids[0], ids[0]], decision: "APPROVE" })).toEqual(["DUPLICATE_VALUE"]);
    expect(await bad({ enrollmentIds: ids.slice(0, 2), decision: "REJECT", reason: " " })).toEqual(["REASON_REQUIRED"]);
    expect(await bad({ enrollmentIds: Array.from({ length: 101 }, (_, i) => `x${i}`), decision: "APPROVE" })).toEqual([
      "TOO_MANY_ITEMS",
    ]);
    const byTrainee = await t.gql(
      BULK,
      { i: { enrollmentIds: ids, decision: "APPROVE" } },
      { token: (await t.user(["TRAINEE"])).token },
    );
    expect(byTrainee.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await cohortRow(t, cohortId)).toMatchObject({ s: 0 });
    expect(await t.count(AuditEntry, { action: "enrollment.review" })).toBe(audits);

    // Ten for nine seats plus an unknown id: nine approved, the tenth full, the unknown not found.
    const res = await t.ok(
      BULK,
      { i: { enrollmentIds: [...ids.slice(0, 10), "bm90LWFuLWlk"], decision: "APPROVE" } },
      { token: staff.token, lang: "en" },
    );
    expect(res.reviewEnrollments.enrollments).toHaveLength(9);
    expect(res.reviewEnrollments.enrollments.every((e: { status: string }) => e.status === "ENROLLED")).toBe(true);
    expect(res.reviewEnrollments.userErrors).toEqual([
      { code: "COHORT_FULL", field: ["input", "enrollmentIds", "9"], message: expect.any(String) },
      { code: "NOT_FOUND", field: ["input", "enrollmentIds", "10"], message: "No such Enrollment" },
    ]);
    expect(await cohortRow(t, cohortId)).toMatchObject({ s: 9 });
    expect(await t.count(AuditEntry, { action: "enrollment.review" })).toBe(audits + 9);

    const rejected = await t.ok(
      BULK,
      { i: { enrollmentIds: [ids[0], ids[9], ids[10]], decision: "REJECT", reason: "本期名额已满" } },
      { token: staff.token },
    );
    expect(rejected.reviewEnrollments.enrollments.map((e: { id: string }) => e.id)).toEqual([ids[9], ids[10]]);
    expect(
      rejected.reviewEnrollments.userErrors.map((e: { code: string; field: string[] }) => [e.code, e.field[2]]),
    ).toEqual([["WRONG_STATUS", "0"]]);
    const rows = await t.ds.getRepository(Enrollment).findBy({ status: "REJECTED", reason: "本期名额已满" });
    expect(rows).toHaveLength(2);
  });

  it("a trainee cannot cancel someone else's enrollment", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 3 });
    const [a, b] = [await t.user(["TRAINEE"]), await t.user(["TRAINEE"])];
    const ea = (await t.ok(ENROLL, { i: { cohortId } }, { token: a.token })).enroll.enrollment;
    const res = await t.ok(CANCEL, { i: { enrollmentId: ea.id } }, { token: b.token });
    expect(res.cancelEnrollment.userErrors[0].code).toBe("NOT_FOUND");
    const staffCancel = await t.ok(CANCEL, { i: { enrollmentId: ea.id, reason: "重复报名" } }, { token: staff.token });
    expect(staffCancel.cancelEnrollment.enrollment.status).toBe("CANCELLED");
    const again = await t.ok(CANCEL, { i: { enrollmentId: ea.id } }, { token: a.token });
    expect(again.cancelEnrollment.userErrors[0].code).toBe("WRONG_STATUS");
    expect(await cohortRow(t, cohortId)).toMatchObject({ s: 0 });
  });
});

describe("concurrency", () => {
  jest.setTimeout(60_000);

  it("200 trainees at a 30-seat cohort at once: 30 seats, 170 waiting, seatsTaken equal to the rows", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 30 });
    const people: TestUser[] = [];
    for (let i = 0; i < 200; i++) people.push(await t.user(["TRAINEE"]));
    const results = await Promise.all(people.map((p) => t.gql(ENROLL, { i: { cohortId } }, { token: p.token })));
    for (const r of results) {
      expect(r.errors).toBeUndefined();
      expect(r.data.enroll.userErrors).toEqual([]);
    }
    const id = Number(Buffer.from(cohortId, "base64url").toString().split(":")[1]);
    const rows: { status: string; n: number | string }[] = await t.ds.query(
      `SELECT status, COUNT(*) AS n FROM enrollment WHERE cohort_id = ? GROUP BY status`,
      [id],
    );
    const counts = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    expect(counts).toEqual({ ENROLLED: 30, WAITLISTED: 170 });
    expect(await cohortRow(t, cohortId)).toMatchObject({ s: 30, c: 30 });
    const positions = results
      .map((r) => r.data.enroll.enrollment.waitlistPosition)
      .filter((p) => p !== null)
      .sort((a, b) => a - b);
    expect(positions.length).toBe(170);
  });

  it("5 cancellations at once in a full cohort: exactly the first 5 waiting move up", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 10 });
    const people: TestUser[] = [];
    for (let i = 0; i < 20; i++) people.push(await t.user(["TRAINEE"]));
    const enrollments = [];
    for (const p of people)
      enrollments.push((await t.ok(ENROLL, { i: { cohortId } }, { token: p.token })).enroll.enrollment);
    const results = await Promise.all(
      enrollments.slice(0, 5).map((e, i) => t.gql(CANCEL, { i: { enrollmentId: e.id } }, { token: people[i].token })),
    );
    expect(results.every((r) => !r.errors && r.data.cancelEnrollment.userErrors.length === 0)).toBe(true);
    const id = Number(Buffer.from(cohortId, "base64url").toString().split(":")[1]);
    const rows: { status: string; n: number | string }[] = await t.ds.query(
      `SELECT status, COUNT(*) AS n FROM enrollment WHERE cohort_id = ? GROUP BY status`,
      [id],
    );
    expect(Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))).toEqual({
      CANCELLED: 5,
      ENROLLED: 10,
      WAITLISTED: 5,
    });
    const promoted: { trainee_id: number }[] = await t.ds.query(
      `SELECT trainee_id FROM enrollment WHERE cohort_id = ? AND status = 'ENROLLED' ORDER BY id`,
      [id],
    );
    expect(promoted.map((r) => Number(r.trainee_id))).toEqual(people.slice(5, 15).map((p) => p.traineeId));
    expect(await cohortRow(t, cohortId)).toMatchObject({ s: 10 });
  });

  it("20 requests of one trainee at once: one enrollment, one seat", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 30 });
    const p = await t.user(["TRAINEE"]);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.gql(ENROLL, { i: { cohortId } }, { token: p.token })),
    );
    const ok = results.filter((r) => r.data.enroll.enrollment);
    const refused = results.filter((r) => r.data.enroll.userErrors[0]?.code === "ALREADY_ENROLLED");
    expect(results.every((r) => !r.errors)).toBe(true);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(19);
    expect(await t.count(Enrollment, { traineeId: p.traineeId! })).toBe(1);
    expect(await cohortRow(t, cohortId)).toMatchObject({ s: 1 });
  });
});
