import "reflect-metadata";
import { TestApp } from "../../../testing/harness";
import { fromGlobalId } from "../../../graphql/ids";
import { AuditEntry } from "../../audit/audit-entry.entity";
import { Notification } from "../../notifications/notification.entity";
import { ScheduledJob } from "../../notifications/scheduled-job.entity";
import { Problem, ProblemEvent } from "../problem.entity";
import {
  ANSWER,
  ASSIGN,
  ESCALATE,
  PROBLEM,
  RATE,
  REPORT,
  SEND_BACK,
  TRIAGE,
  WORK,
  assignedProblem,
  deskWorld,
  must,
  refused,
  type DeskWorld,
} from "./fixtures";

const local = (id: string) => fromGlobalId(id)!.id;
const LIST = `query($f: ProblemFilter) { problems(first: 50, filter: $f) { totalCount edges { node { id title overdue enterprise { name } } } } }`;

describe("the service desk (直通车): a problem's life", () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let w: DeskWorld;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await deskWorld(t);
  });
  afterAll(() => t.close());

  /** The stored timeline and how many audit entries the problem has: what a refusal must leave alone. */
  async function trail(problemId: string) {
    const id = local(problemId);
    return {
      events: await t.count(ProblemEvent, { problemId: id }),
      audits: await t.count(AuditEntry, { subjectType: "Problem", subjectId: id }),
      row: await t.ds.getRepository(Problem).findOneByOrFail({ id }),
    };
  }

  it("reported by the enterprise, triaged, assigned, answered, rated not satisfied, answered one level up, closed", async () => {
    const reported = await must(t, w.contact, REPORT, {
      enterpriseId: w.firmId,
      category: "LAND",
      title: "厂房扩建用地指标",
      description: "二期厂房扩建需新增用地约20亩，申请用地指标。",
    });
    expect(reported).toMatchObject({ status: "REPORTED", level: "DEPARTMENT", reporterKind: "ENTERPRISE" });
    const id = reported.id;
    expect(await must(t, w.staff, TRIAGE, { problemId: id, category: "LAND" })).toMatchObject({ status: "TRIAGED" });
    const [assigned] = await must(t, w.staff, ASSIGN, { problemIds: [id], departmentId: w.deptId });
    expect(assigned.status).toBe("ASSIGNED");
    // 用地 has 30 days.
    const days = (new Date(assigned.dueAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    expect(await t.count(Notification, { recipientUserId: w.handler.userId, kind: "PROBLEM_ASSIGNED" })).toBe(1);
    expect(await t.count(ScheduledJob, { subjectId: local(id), kind: "PROBLEM_OVERDUE", status: "PENDING" })).toBe(1);

    expect(await must(t, w.handler, WORK, { problemId: id })).toMatchObject({ status: "IN_PROGRESS" });
    await must(t, w.handler, WORK, { problemId: id, note: "已与区规划自然资源局对接。" });
    await must(t, w.handler, ANSWER, { problemId: id, answer: "已纳入年度用地计划，预计三季度供地。" });
    expect(await t.count(Notification, { recipientUserId: w.contact.userId, kind: "PROBLEM_ANSWERED" })).toBe(1);

    const reopened = await must(t, w.contact, RATE, { problemId: id, rating: "NOT_SATISFIED", comment: "时间太晚" });
    expect(reopened).toMatchObject({ status: "REOPENED", level: "LEADER", rating: "NOT_SATISFIED" });
    expect(await t.count(Notification, { recipientUserId: w.leader.userId, kind: "PROBLEM_ESCALATED" })).toBe(1);
    expect(await t.count(Notification, { recipientUserId: w.handler.userId, kind: "PROBLEM_NOT_SATISFIED" })).toBe(1);

    // The department no longer holds it; the leader in charge does.
    expect(await refused(t, w.handler, ANSWER, { problemId: id, answer: "再答复" })).toBe("NOT_YOUR_PROBLEM");
    await must(t, w.leader, ANSWER, { problemId: id, answer: "协调提前至二季度供地。" });
    expect(await must(t, w.contact, RATE, { problemId: id, rating: "SATISFIED" })).toMatchObject({
      status: "CLOSED",
      rating: "SATISFIED",
    });

    const seen = await t.ok(PROBLEM, { id }, { token: w.contact.token });
    expect(seen.node.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      "REPORTED",
      "TRIAGED",
      "ASSIGNED",
      "STARTED",
      "NOTE",
      "ANSWERED",
      "RATED",
      "ESCALATED",
      "ANSWERED",
      "RATED",
      "CLOSED",
    ]);
    expect(seen.node.escalations).toBe(1);
    // Every step has its audit entry.
    expect((await trail(id)).audits).toBe(11);
  });

  it("escalates up to the district head and no further; a level sends it back down with instructions", async () => {
    const id = await assignedProblem(t, w);
    expect(await refused(t, w.leader, SEND_BACK, { problemId: id, instructions: "请部门办理" })).toBe(
      "NOT_YOUR_PROBLEM",
    );
    expect(await refused(t, w.handler, SEND_BACK, { problemId: id, instructions: "退回" })).toBe(
      "BOTTOM_LEVEL_REACHED",
    );
    expect(await must(t, w.handler, ESCALATE, { problemId: id, note: "超出本部门职权" })).toMatchObject({
      level: "LEADER",
      status: "ASSIGNED",
    });
    expect(await must(t, w.leader, ESCALATE, { problemId: id })).toMatchObject({ level: "DISTRICT_HEAD" });
    expect(await t.count(Notification, { recipientUserId: w.head.userId, kind: "PROBLEM_ESCALATED" })).toBe(1);
    const before = await trail(id);
    expect(await refused(t, w.staff, ESCALATE, { problemId: id })).toBe("TOP_LEVEL_REACHED");
    expect(await trail(id)).toEqual(before);
    const back = await must(t, w.head, SEND_BACK, { problemId: id, instructions: "请分管区领导牵头协调金融机构" });
    expect(back).toMatchObject({ level: "LEADER", status: "ASSIGNED", instructions: "请分管区领导牵头协调金融机构" });
    expect(await must(t, w.leader, SEND_BACK, { problemId: id, instructions: "请发改委落实" })).toMatchObject({
      level: "DEPARTMENT",
    });
    await must(t, w.handler, ANSWER, { problemId: id, answer: "已协调续贷。" });
  });

  it("reporting for an enterprise the caller is not linked to is refused and stores nothing", async () => {
    const before = await t.count(Problem);
    const input = { enterpriseId: w.otherFirmId, category: "POLICY", title: "政策咨询", description: "咨询" };
    expect(await refused(t, w.contact, REPORT, input)).toBe("NOT_LINKED_ENTERPRISE");
    expect(await refused(t, w.commissioner, REPORT, input)).toBe("NOT_LINKED_ENTERPRISE");
    expect(await refused(t, w.handler, REPORT, input)).toBe("NOT_LINKED_ENTERPRISE");
    expect(await t.count(Problem)).toBe(before);
    const res = await t.ok(REPORT, { i: input }, { token: w.contact.token, lang: "en" });
    expect(res.reportProblem.userErrors[0]).toEqual({
      code: "NOT_LINKED_ENTERPRISE",
      field: ["input", "enterpriseId"],
      message: "You cannot report problems for this enterprise",
    });
    // The commissioner reports after a visit, staff from a phone call.
    const byCommissioner = await must(t, w.commissioner, REPORT, { ...input, enterpriseId: w.firmId });
    expect(byCommissioner.reporterKind).toBe("COMMISSIONER");
    expect((await must(t, w.staff, REPORT, input)).reporterKind).toBe("STAFF_PHONE");
  });

  it("a department answering a problem not assigned to it is refused", async () => {
    const id = await assignedProblem(t, w);
    const before = await trail(id);
    // Another department's handler does not even see it.
    expect(await refused(t, w.otherHandler, ANSWER, { problemId: id, answer: "答复" })).toBe("NOT_FOUND");
    expect(await refused(t, w.otherHandler, WORK, { problemId: id })).toBe("NOT_FOUND");
    // Desk staff see it but do not answer for the department.
    expect(await refused(t, w.staff, ANSWER, { problemId: id, answer: "答复" })).toBe("NOT_YOUR_PROBLEM");
    expect(await trail(id)).toEqual(before);
  });

  it("a rating by anyone but the enterprise, before the answer, or twice is refused", async () => {
    const id = await assignedProblem(t, w);
    expect(await refused(t, w.contact, RATE, { problemId: id, rating: "SATISFIED" })).toBe("WRONG_STATUS");
    await must(t, w.handler, ANSWER, { problemId: id, answer: "已办结。" });
    const before = await trail(id);
    expect(await refused(t, w.commissioner, RATE, { problemId: id, rating: "SATISFIED" })).toBe("NOT_THE_ENTERPRISE");
    expect(await refused(t, w.handler, RATE, { problemId: id, rating: "NOT_SATISFIED" })).toBe("NOT_THE_ENTERPRISE");
    expect(await refused(t, w.otherContact, RATE, { problemId: id, rating: "SATISFIED" })).toBe("NOT_FOUND");
    expect(await trail(id)).toEqual(before);
    await must(t, w.contact, RATE, { problemId: id, rating: "BASICALLY_SATISFIED" });
    const closed = await trail(id);
    expect(closed.row.status).toBe("CLOSED");
    expect(await refused(t, w.contact, RATE, { problemId: id, rating: "NOT_SATISFIED" })).toBe("ALREADY_RATED");
    // Answering a closed problem is out of order too.
    expect(await refused(t, w.handler, ANSWER, { problemId: id, answer: "补充答复" })).toBe("WRONG_STATUS");
    expect(await trail(id)).toEqual(closed);
  });

  it("steps out of order are refused: assigning before triage, triaging twice, assigning a batch with one bad problem", async () => {
    const fresh = await must(t, w.contact, REPORT, {
      enterpriseId: w.firmId,
      category: "EMPLOYMENT",
      title: "技工招聘难",
      description: "数控技工缺口30人。",
    });
    expect(await refused(t, w.staff, ASSIGN, { problemIds: [fresh.id], departmentId: w.deptId })).toBe("WRONG_STATUS");
    await must(t, w.staff, TRIAGE, { problemId: fresh.id });
    expect(await refused(t, w.staff, TRIAGE, { problemId: fresh.id })).toBe("WRONG_STATUS");
    const other = await must(t, w.contact, REPORT, {
      enterpriseId: w.firmId,
      category: "EMPLOYMENT",
      title: "用工补贴",
      description: "咨询稳岗补贴。",
    });
    // `other` is not triaged: the batch is refused as a whole, `fresh` stays TRIAGED.
    const res = await t.ok(
      ASSIGN,
      { i: { problemIds: [fresh.id, other.id], departmentId: w.otherDeptId } },
      { token: w.staff.token },
    );
    expect(res.assignProblems.userErrors[0].code).toBe("WRONG_STATUS");
    expect((await trail(fresh.id)).row).toMatchObject({ status: "TRIAGED", departmentId: null });
    expect(await refused(t, w.contact, TRIAGE, { problemId: other.id }).catch((e: Error) => e.message)).toMatch(
      /FORBIDDEN|没有权限/,
    );
    // A transfer to another department keeps the history.
    await must(t, w.staff, ASSIGN, { problemIds: [fresh.id], departmentId: w.deptId });
    const [moved] = await must(t, w.staff, ASSIGN, { problemIds: [fresh.id], departmentId: w.otherDeptId });
    expect(moved.department.name).toMatch(/人力社保局/);
    const seen = await t.ok(PROBLEM, { id: fresh.id }, { token: w.staff.token });
    expect(seen.node.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      "REPORTED",
      "TRIAGED",
      "ASSIGNED",
      "TRANSFERRED",
    ]);
    // The department that held it still reads it, history and all, and can no longer act on it.
    const former = await t.ok(PROBLEM, { id: fresh.id }, { token: w.handler.token });
    expect(former.node.timeline.map((e: { kind: string }) => e.kind)).toEqual(
      seen.node.timeline.map((e: { kind: string }) => e.kind),
    );
    const before = await trail(fresh.id);
    expect(await refused(t, w.handler, ANSWER, { problemId: fresh.id, answer: "x" })).toBe("NOT_YOUR_PROBLEM");
    expect(await refused(t, w.handler, WORK, { problemId: fresh.id })).toBe("NOT_YOUR_PROBLEM");
    expect(await trail(fresh.id)).toEqual(before);
    const inbox = await t.ok(LIST, { f: { departmentId: w.otherDeptId } }, { token: w.handler.token });
    expect(inbox.problems.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(fresh.id);
    // A department that never held it sees nothing of it.
    expect((await t.ok(PROBLEM, { id: other.id }, { token: w.otherHandler.token })).node).toBeNull();
  });

  it("each sees their own: the enterprise its problems, a department its inbox, staff the queue", async () => {
    const count = async (who: { token: string }, filter?: object) =>
      (await t.ok(LIST, { f: filter }, { token: who.token })).problems.totalCount as number;
    const all = await count(w.staff);
    expect(all).toBe(await t.count(Problem));
    expect(await count(w.head)).toBe(all);
    // Only the one staff took by phone for the other enterprise.
    expect(await count(w.otherContact)).toBe(await t.count(Problem, { enterpriseId: local(w.otherFirmId) }));
    expect(await count(w.otherContact)).toBe(1);
    expect(await count(w.contact)).toBe(await t.count(Problem, { enterpriseId: local(w.firmId) }));
    // A department's inbox: what it holds, and what it held before a transfer.
    const [held] = await t.ds.query(
      `SELECT COUNT(DISTINCT problem_id) AS n FROM problem_event WHERE department_id = ${local(w.deptId)}`,
    );
    expect(await count(w.handler)).toBe(Number(held.n));
    expect(Number(held.n)).toBeGreaterThan(await t.count(Problem, { departmentId: local(w.deptId) }));
    expect(await count(w.staff, { departmentId: w.deptId, status: "CLOSED" })).toBe(
      await t.count(Problem, { departmentId: local(w.deptId), status: "CLOSED" }),
    );
    expect(await count(w.staff, { departmentId: w.firmId })).toBe(0);
    const anyId = (await t.ok(LIST, {}, { token: w.contact.token })).problems.edges[0].node.id;
    expect((await t.ok(PROBLEM, { id: anyId }, { token: w.otherContact.token })).node).toBeNull();
    expect((await t.gql(LIST, {})).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("two handlers answering at once: exactly one answer is kept", async () => {
    for (let round = 0; round < 3; round++) {
      const id = await assignedProblem(t, w);
      const results = await Promise.all(
        [w.handler, w.handler2].map((who, i) =>
          t.ok(ANSWER, { i: { problemId: id, answer: `答复${i}` } }, { token: who.token }),
        ),
      );
      const won = results.filter((r) => r.answerProblem.problem);
      const lost = results.filter((r) => r.answerProblem.userErrors[0]?.code === "ALREADY_ANSWERED");
      expect([won.length, lost.length]).toEqual([1, 1]);
      const row = (await trail(id)).row;
      expect(row.answer).toBe(won[0].answerProblem.problem.answer);
      expect(await t.count(ProblemEvent, { problemId: local(id), kind: "ANSWERED" })).toBe(1);
      expect(
        await t.count(Notification, { kind: "PROBLEM_ANSWERED", recipientUserId: w.contact.userId }),
      ).toBeGreaterThan(0);
    }
  });
});
