import "reflect-metadata";
import { TestApp } from "../../../testing/harness";
import { fromGlobalId } from "../../../graphql/ids";
import { Notification } from "../../notifications/notification.entity";
import { ScheduledJob } from "../../notifications/scheduled-job.entity";
import { secondProcess } from "../../notifications/__tests__/workers";
import { EscalationWorker } from "../escalation.worker";
import { Problem, ProblemEvent } from "../problem.entity";
import { ANSWER, assignedProblem, deskWorld, must, type DeskWorld } from "./fixtures";

const DAY = 24 * 3600_000;
const local = (id: string) => fromGlobalId(id)!.id;

describe("escalation of overdue problems", () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let w: DeskWorld;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await deskWorld(t);
  });
  afterAll(() => t.close());

  const row = (id: string) => t.ds.getRepository(Problem).findOneByOrFail({ id: local(id) });
  const told = (userId: number, kind: string) => t.count(Notification, { recipientUserId: userId, kind });

  it("due tomorrow, then overdue: up one level at a time with each level's due date, once across two processes", async () => {
    // 办事: five days at the department.
    const id = await assignedProblem(t, w, "ADMINISTRATION");
    const other = await secondProcess(t);
    try {
      const workers = [new EscalationWorker(t.app.services), new EscalationWorker(other.services)];
      const runBoth = (at: Date) => Promise.all(workers.map((wk) => wk.runOnce(at)));
      const assigned = await row(id);

      await runBoth(new Date(Date.now() + DAY));
      expect(await told(w.handler.userId, "PROBLEM_DUE_TOMORROW")).toBe(0);
      await runBoth(new Date(assigned.dueAt!.getTime() - DAY + 60_000));
      await runBoth(new Date(assigned.dueAt!.getTime() - DAY + 120_000));
      expect(await told(w.handler.userId, "PROBLEM_DUE_TOMORROW")).toBe(1);
      expect((await row(id)).level).toBe("DEPARTMENT");

      const late = new Date(assigned.dueAt!.getTime() + 60_000);
      await runBoth(late);
      await runBoth(late);
      const atLeader = await row(id);
      expect(atLeader).toMatchObject({ level: "LEADER", status: "ASSIGNED", escalations: 1, late: true });
      // The leader in charge has seven days from the escalation.
      expect(atLeader.dueAt!.getTime()).toBe(late.getTime() + 7 * DAY);
      expect(await told(w.handler.userId, "PROBLEM_OVERDUE")).toBe(1);
      expect(await told(w.leader.userId, "PROBLEM_ESCALATED")).toBe(1);

      const later = new Date(atLeader.dueAt!.getTime() + 60_000);
      await runBoth(later);
      await runBoth(later);
      expect(await row(id)).toMatchObject({ level: "DISTRICT_HEAD", escalations: 2 });
      expect(await told(w.head.userId, "PROBLEM_ESCALATED")).toBe(1);

      // At the top it stays, overdue, and the head hears of it once.
      const latest = new Date((await row(id)).dueAt!.getTime() + 60_000);
      await runBoth(latest);
      await runBoth(latest);
      expect(await row(id)).toMatchObject({ level: "DISTRICT_HEAD", escalations: 2 });
      expect(await told(w.head.userId, "PROBLEM_OVERDUE")).toBe(1);
      expect(await t.count(ProblemEvent, { problemId: local(id), kind: "ESCALATED" })).toBe(2);
      expect(await t.count(ScheduledJob, { subjectId: local(id), status: "PENDING" })).toBe(0);
    } finally {
      await other.ds.destroy();
    }
  });

  it("an answered problem is not escalated when its date passes", async () => {
    const id = await assignedProblem(t, w, "POLICY");
    await must(t, w.handler, ANSWER, { problemId: id, answer: "政策已解读。" });
    const due = (await row(id)).dueAt!;
    await new EscalationWorker(t.app.services).runOnce(new Date(due.getTime() + 60_000));
    expect(await row(id)).toMatchObject({ level: "DEPARTMENT", status: "ANSWERED", escalations: 0, late: false });
  });
});
