import "reflect-metadata";
import { TestApp, type TestUser } from "../../testing/harness";
import { toGlobalId } from "../ids";
import { Trainee } from "../../modules/trainees/trainee.entity";
import { CREATE_COHORT, CREATE_COURSE, STATUS } from "../../modules/training/__tests__/fixtures";
import { createCycle, createProgram } from "../../modules/awards/__tests__/fixtures";
import {
  bearer,
  createChamber,
  createKey,
  enterprises,
  traineeWithRecord,
} from "../../modules/chambers/__tests__/fixtures";

/** The three visibility findings of issue 13, each through the real endpoint. */
let t: TestApp;
let admin: TestUser;
let staff: TestUser;

beforeAll(async () => {
  t = await TestApp.start();
  admin = await t.user(["ADMIN"]);
  staff = await t.user(["STAFF"]);
});
afterAll(() => t.close());

describe("a draft cohort behind one of its class sessions", () => {
  const CREATE_SESSION = `mutation($i: CreateClassSessionInput!) { createClassSession(input: $i) { session { id } userErrors { code field } } }`;
  const SESSION = `query($id: ID!) { node(id: $id) { id ... on ClassSession { topic cohort { id title status } } } }`;
  let cohort: string;
  let session: string;
  let course: string;

  beforeAll(async () => {
    course = (await t.ok(CREATE_COURSE, { i: { title: "草稿课程", organizers: ["学院"] } }, { token: staff.token }))
      .createCourse.course.id;
    const created = await t.ok(
      CREATE_COHORT,
      {
        i: {
          courseId: course,
          startsOn: "2027-03-01",
          endsOn: "2027-03-05",
          capacity: 30,
          admission: "AUTO",
        },
      },
      { token: staff.token },
    );
    cohort = created.createCohort.cohort.id;
    expect(created.createCohort.cohort.status).toBe("DRAFT");
    const s = await t.ok(
      CREATE_SESSION,
      {
        i: {
          cohortId: cohort,
          topic: "开班",
          startsAt: "2027-03-01T01:00:00Z",
          endsAt: "2027-03-01T03:00:00Z",
        },
      },
      { token: staff.token },
    );
    expect(s.createClassSession.userErrors).toEqual([]);
    session = s.createClassSession.session.id;
  });

  it("answers null to visitors and trainees for the session, as for the cohort itself", async () => {
    const trainee = await t.user(["TRAINEE"]);
    for (const opts of [{}, { token: trainee.token }]) {
      const res = await t.gql(SESSION, { id: session }, opts);
      expect(res.errors).toBeUndefined();
      expect(res.data.node).toBeNull();
      expect((await t.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: cohort }, opts)).node).toBeNull();
      const catalog = await t.ok(
        `query($id: ID!) { node(id: $id) { ... on Course { cohorts { id } } } }`,
        { id: course },
        opts,
      );
      expect(catalog.node.cohorts).toEqual([]);
    }
  });

  it("shows staff the session with its draft cohort", async () => {
    const res = await t.ok(SESSION, { id: session }, { token: staff.token });
    expect(res.node).toEqual({
      id: session,
      topic: "开班",
      cohort: { id: cohort, title: "草稿课程 第1期", status: "DRAFT" },
    });
  });

  it("shows everyone both once the cohort opens", async () => {
    await t.ok(STATUS, { i: { cohortId: cohort, status: "OPEN" } }, { token: staff.token });
    const res = await t.ok(SESSION, { id: session });
    expect(res.node).toMatchObject({ id: session, cohort: { id: cohort, status: "OPEN" } });
  });
});

describe("a key with only NOMINATIONS_WRITE and the nomination it made", () => {
  const RECOMMEND = (fields: string) =>
    `mutation($i: RecommendNomineeInput!) { recommendNominee(input: $i) { nomination { id nomineeName ${fields} } userErrors { code field message } } }`;
  const RECORDS = `trainee { id name enrollments { edges { node { id } } } certificates { serial } }`;
  const DOSSIER = `dossier { training { courseTitle certificateSerial } }`;
  let cycle: string;
  let people: Awaited<ReturnType<typeof traineeWithRecord>>[];
  let nominator: string;
  let both: string;
  let recommended: string;
  const input = (nominee: string) => ({ i: { cycleId: cycle, nomineeId: nominee, justification: "带动村民就业。" } });

  beforeAll(async () => {
    const [member] = await enterprises(t, 1, "推荐人企业");
    people = [
      await traineeWithRecord(t, member.id, "周建国"),
      await traineeWithRecord(t, member.id, "吴晓梅"),
      await traineeWithRecord(t, member.id, "郑志强"),
    ];
    const chamber = await createChamber(t, admin, "重庆市江西商会", [member.id]);
    nominator = (await createKey(t, admin, chamber, ["NOMINATIONS_WRITE"])).secret;
    both = (await createKey(t, admin, chamber, ["MEMBERS_READ", "NOMINATIONS_WRITE"])).secret;
    const program = await createProgram(t, staff, "优秀民营企业家", "ENTREPRENEUR");
    cycle = (await createCycle(t, staff, program, { year: 2026, phase: "NOMINATING" })).id;
  });

  it("gets its nomination back without the person's training records", async () => {
    const res = await t.gql(RECOMMEND(RECORDS), input(people[0].trainee), bearer(nominator));
    expect(res.errors).toBeUndefined();
    expect(res.data.recommendNominee.userErrors).toEqual([]);
    expect(res.data.recommendNominee.nomination).toMatchObject({ nomineeName: "周建国", trainee: null });
    recommended = res.data.recommendNominee.nomination.id;
  });

  it("is refused the dossier, naming the scope it lacks, and nothing of it travels", async () => {
    const res = await t.gql(RECOMMEND(DOSSIER), input(people[1].trainee), bearer(nominator));
    expect(res.errors).toEqual([
      expect.objectContaining({
        path: ["recommendNominee", "nomination", "dossier"],
        extensions: expect.objectContaining({ code: "FORBIDDEN", requiredScope: "MEMBERS_READ" }),
      }),
    ]);
    expect(JSON.stringify(res.data)).not.toMatch(/ZF2024-|课程/);
  });

  it("reads them with MEMBERS_READ, its member's records being what that scope is for", async () => {
    const res = await t.ok(RECOMMEND(`${RECORDS} ${DOSSIER}`), input(people[2].trainee), bearer(both));
    expect(res.recommendNominee.nomination).toMatchObject({
      nomineeName: "郑志强",
      trainee: { id: people[2].trainee, certificates: [{ serial: expect.stringMatching(/^ZF2024-/) }] },
      dossier: { training: [expect.objectContaining({ certificateSerial: expect.stringMatching(/^ZF2024-/) })] },
    });
    // The chamber's own recommendation, read back by node(id) like its payload showed it.
    const again = await t.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: recommended }, bearer(both));
    expect(again.node).toEqual({ id: recommended });
  });
});

describe("a calendar link of an account that is disabled or no longer linked", () => {
  const CREATE_FEED = `mutation { createCalendarFeed(input: {}) { path userErrors { code } } }`;
  const SET_ACTIVE = `mutation($i: SetUserActiveInput!) { setUserActive(input: $i) { user { id active } userErrors { code } } }`;
  const get = async (path: string) => (await fetch(`${t.url}${path}`)).status;

  it("stops answering while the account is disabled, and works again once it is enabled", async () => {
    const person = await t.user(["TRAINEE"], "日历学员");
    const { path } = (await t.ok(CREATE_FEED, {}, { token: person.token })).createCalendarFeed;
    expect(await get(path)).toBe(200);
    const userId = toGlobalId("User", person.userId);
    await t.ok(SET_ACTIVE, { i: { userId, active: false } }, { token: admin.token });
    expect(await get(path)).toBe(404);
    await t.ok(SET_ACTIVE, { i: { userId, active: true } }, { token: admin.token });
    expect(await get(path)).toBe(200);
  });

  it("stops answering once the trainee profile is no longer linked to the account", async () => {
    const person = await t.user(["TRAINEE"], "解绑学员");
    const { path } = (await t.ok(CREATE_FEED, {}, { token: person.token })).createCalendarFeed;
    expect(await get(path)).toBe(200);
    await t.ds.getRepository(Trainee).update({ id: person.traineeId! }, { userId: null });
    expect(await get(path)).toBe(404);
  });
});
