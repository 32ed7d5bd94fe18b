import "reflect-metadata";
import { IsNull } from "typeorm";
import { TestApp, type TestUser } from "../../../testing/harness";
import { Notification } from "../notification.entity";
import { CANCEL, ENROLL, REVIEW, STATUS, openCohort } from "../../training/__tests__/fixtures";
import {
  ASSIGN,
  EVENLY,
  createCycle,
  createProgram,
  enterprise,
  gid,
  judge,
  nominate,
  person,
  score,
  toPhase,
} from "../../awards/__tests__/fixtures";

const LIST = `query($first: Int, $after: String, $unread: Boolean) {
  myNotifications(first: $first, after: $after, unreadOnly: $unread) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id kind message readAt createdAt } }
  }
  unreadNotificationCount
}`;
const MARK = `mutation($i: MarkNotificationsReadInput!) { markNotificationsRead(input: $i) { markedCount unreadCount userErrors { code field message } } }`;

let t: TestApp;
let staff: TestUser;
beforeAll(async () => {
  t = await TestApp.start();
  staff = await t.user(["STAFF"]);
});
afterAll(() => t.close());

const kinds = async (user: TestUser) =>
  (await t.ds.getRepository(Notification).find({ where: { recipientUserId: user.userId }, order: { id: "ASC" } })).map(
    (n) => n.kind,
  );

describe("triggers: exactly one notification per recipient", () => {
  it("enrollment approved and rejected, in the reader's language; a refused review tells nobody", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 1, admission: "REVIEW", title: "企业数字化转型研修班" });
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => t.user(["TRAINEE"])));
    const ids: string[] = [];
    for (const p of [a, b, c])
      ids.push((await t.ok(ENROLL, { i: { cohortId } }, { token: p.token })).enroll.enrollment.id);
    await t.ok(REVIEW, { i: { enrollmentId: ids[0], decision: "APPROVE" } }, { token: staff.token });
    await t.ok(REVIEW, { i: { enrollmentId: ids[1], decision: "REJECT", reason: "名额有限" } }, { token: staff.token });
    const full = await t.ok(REVIEW, { i: { enrollmentId: ids[2], decision: "APPROVE" } }, { token: staff.token });
    expect(full.reviewEnrollment.userErrors[0].code).toBe("COHORT_FULL");

    expect(await kinds(a)).toEqual(["ENROLLMENT_APPROVED"]);
    expect(await kinds(b)).toEqual(["ENROLLMENT_REJECTED"]);
    expect(await kinds(c)).toEqual([]);
    const zh = await t.ok(LIST, {}, { token: b.token });
    expect(zh.myNotifications.edges[0].node.message).toBe("您报名的“企业数字化转型研修班 第1期”未通过审核：名额有限");
    const en = await t.ok(LIST, {}, { token: b.token, lang: "en" });
    expect(en.myNotifications.edges[0].node.message).toBe(
      "Your enrollment in “企业数字化转型研修班 第1期” was not approved: 名额有限",
    );
  });

  it("promoted from the waitlist tells only the trainee moved up; a cancelled cohort tells each active trainee", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 1 });
    const [p1, p2, p3] = await Promise.all([1, 2, 3].map(() => t.user(["TRAINEE"])));
    const ids: string[] = [];
    for (const p of [p1, p2, p3])
      ids.push((await t.ok(ENROLL, { i: { cohortId } }, { token: p.token })).enroll.enrollment.id);
    await t.ok(CANCEL, { i: { enrollmentId: ids[0] } }, { token: p1.token });
    expect(await kinds(p1)).toEqual([]);
    expect(await kinds(p2)).toEqual(["WAITLIST_PROMOTED"]);
    expect(await kinds(p3)).toEqual([]);

    const noReason = await t.ok(STATUS, { i: { cohortId, status: "CANCELLED" } }, { token: staff.token });
    expect(noReason.changeCohortStatus.userErrors[0].code).toBe("REASON_REQUIRED");
    expect(await t.count(Notification, { kind: "COHORT_CANCELLED" })).toBe(0);
    const cancelled = await t.ok(
      STATUS,
      { i: { cohortId, status: "CANCELLED", reason: "授课专家行程冲突" } },
      { token: staff.token },
    );
    expect(cancelled.changeCohortStatus.cohort.status).toBe("CANCELLED");
    expect(await kinds(p1)).toEqual([]);
    expect(await kinds(p2)).toEqual(["WAITLIST_PROMOTED", "COHORT_CANCELLED"]);
    expect(await kinds(p3)).toEqual(["COHORT_CANCELLED"]);
  });

  it("new dates or a new venue tell everyone in the cohort, in their language; other edits and bad input tell nobody", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 1 });
    const [seated, waiting, left] = await Promise.all([1, 2, 3].map(() => t.user(["TRAINEE"])));
    const ids: string[] = [];
    for (const p of [seated, waiting, left])
      ids.push((await t.ok(ENROLL, { i: { cohortId } }, { token: p.token })).enroll.enrollment.id);
    await t.ok(CANCEL, { i: { enrollmentId: ids[2] } }, { token: left.token });
    const UPDATE = `mutation($i: UpdateCohortInput!) { updateCohort(input: $i) { cohort { startsOn venue } userErrors { code field } } }`;

    const rethresholded = await t.ok(UPDATE, { i: { cohortId, completionThreshold: 70 } }, { token: staff.token });
    expect(rethresholded.updateCohort.userErrors).toEqual([]);
    const bad = await t.ok(UPDATE, { i: { cohortId, endsOn: "2026-02-01" } }, { token: staff.token });
    expect(bad.updateCohort.userErrors[0]).toMatchObject({ code: "ENDS_BEFORE_START" });
    expect(await t.count(Notification, { kind: "COHORT_CHANGED" })).toBe(0);

    const moved = await t.ok(
      UPDATE,
      { i: { cohortId, startsOn: "2026-04-01", endsOn: "2026-04-05", venue: "北碚区卢作孚纪念馆报告厅" } },
      { token: staff.token },
    );
    expect(moved.updateCohort.cohort).toEqual({ startsOn: "2026-04-01", venue: "北碚区卢作孚纪念馆报告厅" });
    expect((await kinds(seated)).filter((k) => k === "COHORT_CHANGED")).toHaveLength(1);
    expect((await kinds(waiting)).filter((k) => k === "COHORT_CHANGED")).toHaveLength(1);
    expect(await kinds(left)).toEqual([]);
    const zh = await t.ok(LIST, { first: 1 }, { token: waiting.token });
    expect(zh.myNotifications.edges[0].node.message).toBe(
      "“民营企业家经营管理研修班 第1期”的安排有变更：2026-04-01 至 2026-04-05，地点：北碚区卢作孚纪念馆报告厅。",
    );
    const en = await t.ok(LIST, { first: 1 }, { token: waiting.token, lang: "en" });
    expect(en.myNotifications.edges[0].node.message).toBe(
      "“民营企业家经营管理研修班 第1期” has changed: 2026-04-01 to 2026-04-05, venue: 北碚区卢作孚纪念馆报告厅.",
    );
  });

  it("certificate issued tells each completing trainee once", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 3 });
    await t.ok(
      `mutation($i: UpdateCohortInput!) { updateCohort(input: $i) { userErrors { code } } }`,
      { i: { cohortId, completionThreshold: 0 } },
      { token: staff.token },
    );
    const people = await Promise.all([1, 2].map(() => t.user(["TRAINEE"])));
    for (const p of people) await t.ok(ENROLL, { i: { cohortId } }, { token: p.token });
    await t.ok(STATUS, { i: { cohortId, status: "IN_PROGRESS" } }, { token: staff.token });
    const done = await t.ok(STATUS, { i: { cohortId, status: "COMPLETED" } }, { token: staff.token });
    expect(done.changeCohortStatus.cohort.status).toBe("COMPLETED");
    for (const p of people) expect(await kinds(p)).toEqual(["CERTIFICATE_ISSUED"]);
  });

  it("judges hear of their assignments (with their own count) and judges and nominees of the published cycle", async () => {
    const programId = await createProgram(t, staff, "十大年度渝商", "ENTREPRENEUR");
    const { id: cycleId, criteria } = await createCycle(t, staff, programId, {
      year: 2026,
      quota: 1,
      phase: "NOMINATING",
    });
    const [j1, j2] = [await judge(t, "评委甲"), await judge(t, "评委乙")];
    const nominees = [await t.user([], "王建国"), await t.user([], "李秀英")];
    const nominations: string[] = [];
    for (const n of nominees) {
      const profile = await person(t, "被提名人", (await enterprise(t, "北碚企业")).id, n.userId);
      nominations.push(await nominate(t, staff, cycleId, profile.gid));
    }
    const assign = { i: { nominationId: nominations[0], judgeIds: [gid("User", j1.userId)] } };
    await t.ok(ASSIGN, assign, { token: staff.token });
    await t.ok(ASSIGN, assign, { token: staff.token });
    expect(await kinds(j1)).toEqual(["JUDGE_ASSIGNED"]);
    const even = await t.ok(
      EVENLY,
      { i: { cycleId, judgeIds: [j1, j2].map((j) => gid("User", j.userId)), judgesPerNomination: 2 } },
      { token: staff.token },
    );
    expect(even.assignJudgesEvenly.assignmentsCreated).toBe(3);
    expect(await kinds(j1)).toEqual(["JUDGE_ASSIGNED", "JUDGE_ASSIGNED"]);
    expect(await kinds(j2)).toEqual(["JUDGE_ASSIGNED"]);
    const j2List = await t.ok(LIST, {}, { token: j2.token });
    expect(j2List.myNotifications.edges[0].node.message).toBe("“十大年度渝商 2026”有 2 份提名分配给您评审。");

    await toPhase(t, staff, cycleId, "JUDGING");
    for (const j of [j1, j2]) {
      await score(t, j, nominations[0], criteria, [9, 9, 9]);
      await score(t, j, nominations[1], criteria, [7, 7, 7]);
    }
    await toPhase(t, staff, cycleId, "DECIDED");
    await toPhase(t, staff, cycleId, "PUBLISHED");
    for (const u of [j1, j2, ...nominees])
      expect((await kinds(u)).filter((k) => k === "CYCLE_PUBLISHED")).toEqual(["CYCLE_PUBLISHED"]);
    expect(await kinds(staff)).toEqual([]);
  });
});

describe("notification centre", () => {
  it("lists newest first with an unread count, and marks some or all as read", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 1, admission: "REVIEW" });
    const p = await t.user(["TRAINEE"]);
    const enrollmentId = (await t.ok(ENROLL, { i: { cohortId } }, { token: p.token })).enroll.enrollment.id;
    await t.ok(REVIEW, { i: { enrollmentId, decision: "APPROVE" } }, { token: staff.token });
    await t.ok(STATUS, { i: { cohortId, status: "CANCELLED", reason: "场地维修" } }, { token: staff.token });

    const all = await t.ok(LIST, { first: 1 }, { token: p.token });
    expect(all.unreadNotificationCount).toBe(2);
    expect(all.myNotifications.totalCount).toBe(2);
    expect(all.myNotifications.edges.map((e: { node: { kind: string } }) => e.node.kind)).toEqual(["COHORT_CANCELLED"]);
    const next = await t.ok(LIST, { first: 1, after: all.myNotifications.pageInfo.endCursor }, { token: p.token });
    expect(next.myNotifications.edges[0].node.kind).toBe("ENROLLMENT_APPROVED");
    expect(next.myNotifications.pageInfo.hasNextPage).toBe(false);

    const marked = await t.ok(MARK, { i: { ids: [next.myNotifications.edges[0].node.id] } }, { token: p.token });
    expect(marked.markNotificationsRead).toEqual({ markedCount: 1, unreadCount: 1, userErrors: [] });
    const unread = await t.ok(LIST, { unread: true }, { token: p.token });
    expect(unread.myNotifications.edges.map((e: { node: { kind: string } }) => e.node.kind)).toEqual([
      "COHORT_CANCELLED",
    ]);
    const rest = await t.ok(MARK, { i: { all: true } }, { token: p.token });
    expect(rest.markNotificationsRead).toMatchObject({ markedCount: 1, unreadCount: 0 });
    expect(await t.count(Notification, { recipientUserId: p.userId, readAt: IsNull() })).toBe(0);
  });

  it("refuses bad input and other people's notifications, changing nothing", async () => {
    const owner = await t.user(["TRAINEE"]);
    const other = await t.user(["TRAINEE"]);
    const cohortId = await openCohort(t, staff, { capacity: 1, admission: "REVIEW" });
    const enrollmentId = (await t.ok(ENROLL, { i: { cohortId } }, { token: owner.token })).enroll.enrollment.id;
    await t.ok(REVIEW, { i: { enrollmentId, decision: "APPROVE" } }, { token: staff.token });
    const id = (await t.ok(LIST, {}, { token: owner.token })).myNotifications.edges[0].node.id;
    const unreadRows = () => t.ds.query(`SELECT COUNT(*) AS n FROM notification WHERE read_at IS NULL`);
    const before = await unreadRows();

    const nothing = await t.ok(MARK, { i: {} }, { token: owner.token });
    expect(nothing.markNotificationsRead.userErrors).toEqual([
      expect.objectContaining({ code: "REQUIRED", field: ["input", "ids"] }),
    ]);
    const both = await t.ok(MARK, { i: { ids: [id], all: true } }, { token: owner.token });
    expect(both.markNotificationsRead.userErrors[0].code).toBe("INVALID_VALUE");
    const foreign = await t.ok(MARK, { i: { ids: [id] } }, { token: other.token });
    expect(foreign.markNotificationsRead.userErrors).toEqual([
      expect.objectContaining({ code: "NOT_FOUND", field: ["input", "ids"] }),
    ]);
    const garbage = await t.ok(MARK, { i: { ids: ["nonsense"] } }, { token: owner.token });
    expect(garbage.markNotificationsRead.userErrors[0].code).toBe("NOT_FOUND");
    expect(await unreadRows()).toEqual(before);

    const peek = await t.ok(`query($id: ID!) { node(id: $id) { id } }`, { id }, { token: other.token });
    expect(peek.node).toBeNull();
    const mine = await t.ok(`query($id: ID!) { node(id: $id) { id } }`, { id }, { token: owner.token });
    expect(mine.node).toEqual({ id });
  });

  it("needs a signed-in user", async () => {
    for (const query of [LIST, `{ unreadNotificationCount }`]) {
      const res = await t.gql(query);
      expect(res.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    }
    const res = await t.gql(MARK, { i: { all: true } });
    expect(res.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });
});
