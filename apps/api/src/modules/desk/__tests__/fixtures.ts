import type { TestApp, TestUser } from "../../../testing/harness";
import { toGlobalId } from "../../../graphql/ids";
import { Enterprise } from "../../enterprises/enterprise.entity";
import { CommissionerAssignment } from "../commissioner.entity";
import { Department, DepartmentHandler, EnterpriseContact } from "../department.entity";

export const REPORT = `mutation($i: ReportProblemInput!) { reportProblem(input: $i) { problem { id status level reporterKind } userErrors { code field message } } }`;
export const TRIAGE = `mutation($i: TriageProblemInput!) { triageProblem(input: $i) { problem { id status category } userErrors { code field } } }`;
export const ASSIGN = `mutation($i: AssignProblemsInput!) { assignProblems(input: $i) { problems { id status dueAt department { name } } userErrors { code field message } } }`;
export const WORK = `mutation($i: WorkOnProblemInput!) { workOnProblem(input: $i) { problem { id status } userErrors { code field } } }`;
export const ANSWER = `mutation($i: AnswerProblemInput!) { answerProblem(input: $i) { problem { id status answer } userErrors { code field message } } }`;
export const RATE = `mutation($i: RateProblemInput!) { rateProblem(input: $i) { problem { id status level rating } userErrors { code field message } } }`;
export const ESCALATE = `mutation($i: EscalateProblemInput!) { escalateProblem(input: $i) { problem { id status level escalations } userErrors { code field message } } }`;
export const SEND_BACK = `mutation($i: SendProblemBackInput!) { sendProblemBack(input: $i) { problem { id status level instructions } userErrors { code field message } } }`;
export const PROBLEM = `query($id: ID!) { node(id: $id) { ... on Problem { id status level rating escalations timeline { kind level note department { name } } } } }`;

let seq = 0;

/**
 * The people of one desk: an enterprise with its contact and commissioner, a second enterprise,
 * two departments (each with a handler, the first with its leader in charge), the district head and staff.
 */
export async function deskWorld(t: TestApp) {
  seq += 1;
  const enterprises = t.ds.getRepository(Enterprise);
  const firm = await enterprises.save({
    name: `重庆测试机电${seq}`,
    creditCode: `D${String(seq).padStart(17, "0")}`,
    listed: false,
  });
  const other = await enterprises.save({
    name: `重庆另一企业${seq}`,
    creditCode: `E${String(seq).padStart(17, "0")}`,
    listed: false,
  });
  const contact = await t.user(["ENTERPRISE_CONTACT"], "企业联络人");
  const otherContact = await t.user(["ENTERPRISE_CONTACT"], "他企联络人");
  const commissioner = await t.user(["COMMISSIONER"], "亲清特使");
  const handler = await t.user(["DEPARTMENT_HANDLER"], "承办人");
  const handler2 = await t.user(["DEPARTMENT_HANDLER"], "承办人二");
  const otherHandler = await t.user(["DEPARTMENT_HANDLER"], "他部门承办人");
  const leader = await t.user(["LEADER_IN_CHARGE"], "分管区领导");
  const head = await t.user(["DISTRICT_HEAD"], "区长");
  const staff = await t.user(["STAFF"], "直通车工作人员");
  const departments = t.ds.getRepository(Department);
  const dept = await departments.save({ name: `区发展改革委${seq}`, leaderUserId: leader.userId });
  const otherDept = await departments.save({ name: `区人力社保局${seq}`, leaderUserId: null });
  await t.ds.getRepository(DepartmentHandler).insert([
    { userId: handler.userId, departmentId: dept.id },
    { userId: handler2.userId, departmentId: dept.id },
    { userId: otherHandler.userId, departmentId: otherDept.id },
  ]);
  await t.ds.getRepository(EnterpriseContact).insert([
    { userId: contact.userId, enterpriseId: firm.id },
    { userId: otherContact.userId, enterpriseId: other.id },
  ]);
  await t.ds.getRepository(CommissionerAssignment).insert({
    commissionerUserId: commissioner.userId,
    enterpriseId: firm.id,
    current: true,
    // Serving it for a year: visits of the past days are theirs to log.
    createdAt: new Date(Date.now() - 365 * 86_400_000),
  });
  return {
    firmId: toGlobalId("Enterprise", firm.id),
    otherFirmId: toGlobalId("Enterprise", other.id),
    deptId: toGlobalId("Department", dept.id),
    otherDeptId: toGlobalId("Department", otherDept.id),
    contact,
    otherContact,
    commissioner,
    handler,
    handler2,
    otherHandler,
    leader,
    head,
    staff,
  };
}
export type DeskWorld = Awaited<ReturnType<typeof deskWorld>>;

/** Runs a mutation that must succeed; answers its payload's object. */
export async function must(t: TestApp, who: TestUser, query: string, input: Record<string, unknown>) {
  const data = await t.ok(query, { i: input }, { token: who.token });
  const payload = Object.values(data)[0] as { userErrors: unknown[]; problem?: any; problems?: any[] };
  expect(payload.userErrors).toEqual([]);
  return payload.problem ?? payload.problems;
}

/** Runs a mutation that must refuse; answers the first error's code. */
export async function refused(t: TestApp, who: TestUser, query: string, input: Record<string, unknown>) {
  const data = await t.ok(query, { i: input }, { token: who.token });
  const payload = Object.values(data)[0] as { userErrors: { code: string }[]; problem?: unknown };
  expect(payload.problem ?? null).toBeNull();
  return payload.userErrors[0]?.code;
}

/** A problem of the world's enterprise, reported by its contact, triaged and assigned to its first department. */
export async function assignedProblem(t: TestApp, w: DeskWorld, category = "FINANCING"): Promise<string> {
  const problem = await must(t, w.contact, REPORT, {
    enterpriseId: w.firmId,
    category,
    title: "流动资金贷款续贷困难",
    description: "银行要求追加抵押，企业无法按期续贷，请协调。",
  });
  await must(t, w.staff, TRIAGE, { problemId: problem.id });
  await must(t, w.staff, ASSIGN, { problemIds: [problem.id], departmentId: w.deptId });
  return problem.id;
}
