import "reflect-metadata";
import { TestApp, type TestUser } from "../../../testing/harness";
import { fromGlobalId, toGlobalId } from "../../../graphql/ids";
import { AuditEntry } from "../../audit/audit-entry.entity";
import { Department, DepartmentHandler } from "../department.entity";
import { ANSWER, assignedProblem, deskWorld, must, refused, type DeskWorld } from "./fixtures";

const ADD = `mutation($i: AddDepartmentHandlerInput!) { addDepartmentHandler(input: $i) {
  department { id handlers { id } } userErrors { code field message } } }`;
const REMOVE = `mutation($i: RemoveDepartmentHandlerInput!) { removeDepartmentHandler(input: $i) {
  department { id handlers { id } } userErrors { code field message } } }`;
const LEADER = `mutation($i: SetDepartmentLeaderInput!) { setDepartmentLeader(input: $i) {
  department { id leader { id name } } userErrors { code field message } } }`;
const DEPARTMENTS = `{ departments { id name leader { id } handlers { id } } }`;

describe("desk staff manage the departments: handlers and the leader in charge", () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let w: DeskWorld;
  let newcomer: TestUser;
  let newLeader: TestUser;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await deskWorld(t);
    newcomer = await t.user(["DEPARTMENT_HANDLER"], "新经办人");
    newLeader = await t.user(["LEADER_IN_CHARGE"], "新分管领导");
  });
  afterAll(() => t.close());

  const gid = (u: TestUser) => toGlobalId("User", u.userId);
  async function call(query: string, input: Record<string, unknown>, who: TestUser = w.staff) {
    const data = await t.ok(query, { i: input }, { token: who.token });
    return Object.values(data)[0] as { userErrors: { code: string; field: string[] }[]; department?: any };
  }
  const state = async () => ({
    handlers: await t.count(DepartmentHandler),
    leaders: (await t.ds.getRepository(Department).find({ order: { id: "ASC" } })).map((d) => d.leaderUserId),
    audits: await t.count(AuditEntry),
  });

  it("adds a handler who then answers the department's problems, takes one off, sets the leader; audited", async () => {
    const added = await call(ADD, { departmentId: w.otherDeptId, userId: gid(newcomer) });
    expect(added.userErrors).toEqual([]);
    expect(added.department.handlers.map((h: { id: string }) => h.id)).toContain(gid(newcomer));
    const problem = await assignedProblem(t, w);
    await must(
      t,
      w.staff,
      `mutation($i: AssignProblemsInput!) { assignProblems(input: $i) { problems { id } userErrors { code } } }`,
      {
        problemIds: [problem],
        departmentId: w.otherDeptId,
      },
    );
    await must(t, newcomer, ANSWER, { problemId: problem, answer: "已对接。" });

    const removed = await call(REMOVE, { departmentId: w.deptId, userId: gid(w.handler2) });
    expect(removed.userErrors).toEqual([]);
    expect(removed.department.handlers.map((h: { id: string }) => h.id)).toEqual([gid(w.handler)]);
    const other = await assignedProblem(t, w);
    // Off the department: its problems are out of sight, as for anyone outside it.
    expect(await refused(t, w.handler2, ANSWER, { problemId: other, answer: "x" })).toBe("NOT_FOUND");

    const led = await call(LEADER, { departmentId: w.otherDeptId, leaderId: gid(newLeader) });
    expect(led.department.leader).toEqual({ id: gid(newLeader), name: "新分管领导" });
    const cleared = await call(LEADER, { departmentId: w.otherDeptId, leaderId: null });
    expect(cleared.department.leader).toBeNull();
    expect(await t.count(AuditEntry, { subjectType: "Department", subjectId: fromGlobalId(w.otherDeptId)!.id })).toBe(
      3,
    );
  });

  it("answers bad input with a userError and changes nothing", async () => {
    const before = await state();
    const cases: [string, Record<string, unknown>, string, string][] = [
      [ADD, { departmentId: w.deptId, userId: gid(w.handler) }, "ALREADY_HANDLER", "userId"],
      [ADD, { departmentId: w.deptId, userId: gid(w.contact) }, "NOT_A_HANDLER", "userId"],
      [ADD, { departmentId: w.deptId, userId: toGlobalId("User", 999_999) }, "NOT_FOUND", "userId"],
      [ADD, { departmentId: w.firmId, userId: gid(newcomer) }, "NOT_FOUND", "departmentId"],
      [REMOVE, { departmentId: w.deptId, userId: gid(w.otherHandler) }, "NOT_FOUND", "userId"],
      [LEADER, { departmentId: w.deptId, leaderId: gid(w.handler) }, "NOT_A_LEADER", "leaderId"],
      [LEADER, { departmentId: w.deptId, leaderId: w.deptId }, "NOT_FOUND", "leaderId"],
      [LEADER, { departmentId: toGlobalId("Department", 999_999), leaderId: null }, "NOT_FOUND", "departmentId"],
    ];
    for (const [query, input, code, field] of cases) {
      const res = await call(query, input);
      expect([res.userErrors[0]?.code, res.userErrors[0]?.field?.[1], res.department ?? null]).toEqual([
        code,
        field,
        null,
      ]);
    }
    for (const who of [w.handler, w.leader, w.head]) {
      const res = await t.gql(ADD, { i: { departmentId: w.deptId, userId: gid(newcomer) } }, { token: who.token });
      expect(res.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    expect(await state()).toEqual(before);
  });

  it("shows a department's people to desk staff, not to everyone", async () => {
    const asStaff = (await t.ok(DEPARTMENTS, {}, { token: w.staff.token })).departments;
    const dept = asStaff.find((d: { id: string }) => d.id === w.deptId);
    expect(dept.leader).toEqual({ id: gid(w.leader) });
    expect(dept.handlers.length).toBeGreaterThan(0);
    const asContact = (await t.ok(DEPARTMENTS, {}, { token: w.contact.token })).departments;
    expect(asContact.find((d: { id: string }) => d.id === w.deptId)).toMatchObject({ leader: null, handlers: [] });
  });
});
