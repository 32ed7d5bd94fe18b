import { TestApp, type TestUser } from "../../../testing/harness";
import { Enrollment } from "../../training/enrollment.entity";
import { ENROLL, cohortRow, openCohort } from "../../training/__tests__/fixtures";
import { IdempotencyKey } from "../idempotency-key.entity";
import { requestHash } from "../idempotency.plugin";

const withKey = (key: string) => ({ "idempotency-key": key });

describe("Idempotency-Key on mutations", () => {
  let t: TestApp;
  let staff: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    staff = await t.user(["STAFF"]);
  });
  afterAll(async () => t.close());

  it("replays the first answer for the same key and input, and changes nothing more", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 5 });
    const p = await t.user(["TRAINEE"]);
    const first = await t.gql(ENROLL, { i: { cohortId } }, { token: p.token, headers: withKey("enroll-1") });
    expect(first.status).toBe(200);
    expect(first.data.enroll).toMatchObject({ enrollment: { status: "ENROLLED" }, userErrors: [] });

    const again = await t.gql(ENROLL, { i: { cohortId } }, { token: p.token, headers: withKey("enroll-1") });
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.data).toEqual(first.data);
    expect(await t.count(Enrollment, { traineeId: p.traineeId })).toBe(1);
    expect(await cohortRow(t, cohortId)).toMatchObject({ s: 1 });

    // Without the key, the same call is a new request: the user is told it is a duplicate.
    const plain = await t.ok(ENROLL, { i: { cohortId } }, { token: p.token });
    expect(plain.enroll.userErrors).toEqual([expect.objectContaining({ code: "ALREADY_ENROLLED" })]);
  });

  it("refuses the same key with other input (422) and changes nothing", async () => {
    const [a, b] = [await openCohort(t, staff, { capacity: 5 }), await openCohort(t, staff, { capacity: 5 })];
    const p = await t.user(["TRAINEE"]);
    await t.ok(ENROLL, { i: { cohortId: a } }, { token: p.token, headers: withKey("reuse-1") });
    const other = await t.gql(
      ENROLL,
      { i: { cohortId: b } },
      { token: p.token, headers: withKey("reuse-1"), lang: "en" },
    );
    expect(other.status).toBe(422);
    expect(other.errors?.[0]).toMatchObject({
      extensions: { code: "IDEMPOTENCY_KEY_REUSED" },
      message: expect.stringContaining("different request"),
    });
    expect(await cohortRow(t, b)).toMatchObject({ s: 0 });
    expect(await t.count(Enrollment, { traineeId: p.traineeId })).toBe(1);
  });

  it("scopes keys to the caller: another user's same key is their own request", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 5 });
    const [p, q] = [await t.user(["TRAINEE"]), await t.user(["TRAINEE"])];
    await t.ok(ENROLL, { i: { cohortId } }, { token: p.token, headers: withKey("shared-key") });
    const theirs = await t.gql(ENROLL, { i: { cohortId } }, { token: q.token, headers: withKey("shared-key") });
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
    expect(theirs.data.enroll.enrollment.status).toBe("ENROLLED");
    expect(await cohortRow(t, cohortId)).toMatchObject({ s: 2 });
  });

  it("answers 409 while the first request still runs, and lets a retry take over a claim left by a dead process", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 5 });
    const p = await t.user(["TRAINEE"]);
    const now = new Date();
    const row = await t.ds.getRepository(IdempotencyKey).save({
      scope: `user:${p.userId}`,
      clientKey: "running-1",
      requestHash: requestHash(null, ENROLL, { i: { cohortId } }),
      claimedAt: now,
      expiresAt: new Date(now.getTime() + 86_400_000),
      responseStatus: null,
      responseBody: null,
    });
    const busy = await t.gql(ENROLL, { i: { cohortId } }, { token: p.token, headers: withKey("running-1") });
    expect(busy.status).toBe(409);
    expect(busy.headers.get("retry-after")).toBe("1");
    expect(busy.errors?.[0].extensions?.code).toBe("IDEMPOTENCY_IN_PROGRESS");
    expect(await t.count(Enrollment, { traineeId: p.traineeId })).toBe(0);

    await t.ds.getRepository(IdempotencyKey).update(row.id, { claimedAt: new Date(now.getTime() - 300_000) });
    const retried = await t.gql(ENROLL, { i: { cohortId } }, { token: p.token, headers: withKey("running-1") });
    expect(retried.data.enroll.enrollment.status).toBe("ENROLLED");
    expect(await t.count(Enrollment, { traineeId: p.traineeId })).toBe(1);
    expect((await t.ds.getRepository(IdempotencyKey).findOneByOrFail({ id: row.id })).responseStatus).toBe(200);
  });

  it("forgets a key after 24 hours: the same key then runs the mutation again", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 5 });
    const p = await t.user(["TRAINEE"]);
    const first = await t.gql(ENROLL, { i: { cohortId } }, { token: p.token, headers: withKey("old-1") });
    const row = await t.ds.getRepository(IdempotencyKey).findOneByOrFail({ clientKey: "old-1" });
    expect(row.expiresAt.getTime() - row.claimedAt.getTime()).toBe(86_400_000);
    await t.ds.getRepository(IdempotencyKey).update(row.id, { expiresAt: new Date(Date.now() - 1000) });
    const later = await t.gql(ENROLL, { i: { cohortId } }, { token: p.token, headers: withKey("old-1") });
    expect(later.headers.get("idempotent-replayed")).toBeNull();
    expect(later.data.enroll.userErrors).toEqual([expect.objectContaining({ code: "ALREADY_ENROLLED" })]);
    expect(later.data).not.toEqual(first.data);
    expect(await t.count(IdempotencyKey, { clientKey: "old-1" })).toBe(1);
  });

  it("frees the key when the mutation was refused, checks the key's form, and ignores queries", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 5 });
    const anon = await t.gql(ENROLL, { i: { cohortId } }, { headers: withKey("anon-1") });
    expect(anon.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(await t.count(IdempotencyKey, { clientKey: "anon-1" })).toBe(0);

    const judge = await t.user(["JUDGE"]);
    const forbidden = await t.gql(
      `mutation($i: CreateCourseInput!) { createCourse(input: $i) { course { id } userErrors { code } } }`,
      { i: { title: "不该创建的课程", organizers: ["西南大学"] } },
      { token: judge.token, headers: withKey("forbidden-1") },
    );
    expect(forbidden.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await t.count(IdempotencyKey, { clientKey: "forbidden-1" })).toBe(0);

    const p = await t.user(["TRAINEE"]);
    const bad = await t.gql(ENROLL, { i: { cohortId } }, { token: p.token, headers: withKey("x".repeat(129)) });
    expect(bad.status).toBe(400);
    expect(bad.errors?.[0].extensions?.code).toBe("IDEMPOTENCY_KEY_INVALID");
    expect(await t.count(Enrollment, { traineeId: p.traineeId })).toBe(0);

    await t.ok(`{ me { id } }`, {}, { token: p.token, headers: withKey("query-1") });
    expect(await t.count(IdempotencyKey, { clientKey: "query-1" })).toBe(0);
  });

  it("runs concurrent duplicates once: one answer, the others replay it or are told to retry", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 5 });
    const p = await t.user(["TRAINEE"]);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.gql(ENROLL, { i: { cohortId } }, { token: p.token, headers: withKey("burst-1") }),
      ),
    );
    const ok = answers.filter((a) => a.status === 200);
    const busy = answers.filter((a) => a.status === 409);
    expect(ok.length + busy.length).toBe(8);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const a of ok) expect(a.data).toEqual(ok[0].data);
    expect(ok[0].data.enroll.enrollment.status).toBe("ENROLLED");
    for (const a of busy) expect(a.errors?.[0].extensions?.code).toBe("IDEMPOTENCY_IN_PROGRESS");
    expect(await t.count(Enrollment, { traineeId: p.traineeId })).toBe(1);
    expect(await cohortRow(t, cohortId)).toMatchObject({ s: 1 });
  });
});
