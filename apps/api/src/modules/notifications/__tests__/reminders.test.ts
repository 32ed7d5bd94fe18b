import "reflect-metadata";
import { TestApp, type TestUser } from "../../../testing/harness";
import { Notification } from "../notification.entity";
import { ScheduledJob } from "../scheduled-job.entity";
import { ReminderWorker } from "../reminder.worker";
import { REMINDERS } from "../../../app";
import { ENROLL, openCohort } from "../../training/__tests__/fixtures";
import { HOUR, REGISTER, at, publishedEvent } from "../../events/__tests__/fixtures";
import { drain, secondProcess } from "./workers";

const SESSION = `mutation($i: CreateClassSessionInput!) { createClassSession(input: $i) { session { id } userErrors { code field } } }`;

let t: TestApp;
let staff: TestUser;
beforeAll(async () => {
  t = await TestApp.start();
  staff = await t.user(["STAFF"]);
});
afterAll(() => t.close());

const kindsOf = async (user: TestUser) =>
  (await t.ds.getRepository(Notification).findBy({ recipientUserId: user.userId })).map((n) => n.kind);

async function sessionIn(cohortId: string, startsIn: number): Promise<void> {
  const res = await t.ok(
    SESSION,
    {
      i: {
        cohortId,
        topic: "现代企业制度与公司治理",
        startsAt: at(startsIn),
        endsAt: at(startsIn + 3 * HOUR),
        venue: "学院 201 教室",
      },
    },
    { token: staff.token },
  );
  expect(res.createClassSession.userErrors).toEqual([]);
}

describe("reminders across two processes", () => {
  it("each upcoming session and event gets one job, and each reminder goes out once", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 2 });
    await sessionIn(cohortId, 20 * HOUR);
    const [a, b, waiting, guest, stranger] = await Promise.all([1, 2, 3, 4, 5].map(() => t.user(["TRAINEE"])));
    for (const p of [a, b, waiting]) await t.ok(ENROLL, { i: { cohortId } }, { token: p.token });
    const eventId = await publishedEvent(t, staff, { startsIn: 22 * HOUR, title: "作孚沙龙：民营企业出海" });
    await t.ok(REGISTER, { i: { eventId } }, { token: guest.token });

    const other = await secondProcess(t);
    try {
      const w1 = new ReminderWorker(t.app.services, REMINDERS, {
        maxAttempts: 3,
        backoffMs: 60_000,
        leaseMs: 600_000,
        batch: 1,
      });
      const w2 = new ReminderWorker(other.services, REMINDERS, {
        maxAttempts: 3,
        backoffMs: 60_000,
        leaseMs: 600_000,
        batch: 1,
      });
      await Promise.all([w1.scan(), w2.scan(), w1.scan()]);
      expect(await t.count(ScheduledJob, { status: "PENDING" })).toBe(2);

      await Promise.all([drain(() => w1.runOnce()), drain(() => w2.runOnce())]);
      await Promise.all([drain(() => w1.runOnce()), drain(() => w2.runOnce()), w1.scan(), w2.scan()]);
      expect(await kindsOf(a)).toEqual(["SESSION_TOMORROW"]);
      expect(await kindsOf(b)).toEqual(["SESSION_TOMORROW"]);
      expect(await kindsOf(waiting)).toEqual([]);
      expect(await kindsOf(guest)).toEqual(["EVENT_TOMORROW"]);
      expect(await kindsOf(stranger)).toEqual([]);
      expect(await t.count(ScheduledJob, { status: "DONE" })).toBe(2);
      expect(await t.count(ScheduledJob)).toBe(2);

      const list = await t.ok(`{ myNotifications { edges { node { message } } } }`, {}, { token: a.token });
      expect(list.myNotifications.edges[0].node.message).toMatch(
        /^提醒：“民营企业家经营管理研修班 第1期”明天 \d\d:\d\d 上课（现代企业制度与公司治理），地点：学院 201 教室。$/,
      );
    } finally {
      await other.ds.destroy();
    }
  });

  it("keeps a job in the database until it is due, so a restarted worker still runs it", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 5, title: "乡村振兴与民营企业社会责任专题班" });
    await sessionIn(cohortId, 40 * HOUR);
    const p = await t.user(["TRAINEE"]);
    await t.ok(ENROLL, { i: { cohortId } }, { token: p.token });
    const before = new ReminderWorker(t.app.services, REMINDERS);
    await before.scan();
    expect(await before.runOnce()).toBe(0);
    expect(await kindsOf(p)).toEqual([]);

    // A fresh worker, as after a restart, finds the job and fires it when due (16 hours on).
    const after = new ReminderWorker(t.app.services, REMINDERS);
    expect(await after.runOnce(new Date(Date.now() + 17 * HOUR))).toBe(1);
    expect(await kindsOf(p)).toEqual(["SESSION_TOMORROW"]);
  });
});
