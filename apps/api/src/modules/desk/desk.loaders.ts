import { In } from "typeorm";
import { byKey, defineLoader, groupByKey } from "../../loading/loader";
import { CommissionerAssignment, Visit } from "./commissioner.entity";
import { Department, DepartmentHandler, EnterpriseContact } from "./department.entity";
import { Problem, ProblemEvent } from "./problem.entity";
import { ProblemAttachment } from "./problem-attachment.entity";

export const problemById = defineLoader<number, Problem | null>("problemById", async (ctx, ids) =>
  byKey(ids, await ctx.em.findBy(Problem, { id: In([...ids]) }), (p) => p.id),
);

export const problemEventById = defineLoader<number, ProblemEvent | null>("problemEventById", async (ctx, ids) =>
  byKey(ids, await ctx.em.findBy(ProblemEvent, { id: In([...ids]) }), (e) => e.id),
);

export const departmentById = defineLoader<number, Department | null>("departmentById", async (ctx, ids) =>
  byKey(ids, await ctx.em.findBy(Department, { id: In([...ids]) }), (d) => d.id),
);

/** Each problem's timeline, oldest first. */
export const eventsByProblem = defineLoader<number, ProblemEvent[]>("eventsByProblem", async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.em.find(ProblemEvent, { where: { problemId: In([...ids]) }, order: { id: "ASC" } }),
    (e) => e.problemId,
  ),
);

/** What ties a user to the desk: the enterprises they speak for or serve now, the departments they handle or lead. */
export interface DeskLinks {
  contactOf: number[];
  serves: number[];
  handles: number[];
  leads: number[];
}

export const deskLinksByUser = defineLoader<number, DeskLinks>("deskLinksByUser", async (ctx, ids) => {
  const userId = In([...ids]);
  const [contacts, assignments, handlers, led] = await Promise.all([
    ctx.em.findBy(EnterpriseContact, { userId }),
    ctx.em.findBy(CommissionerAssignment, { commissionerUserId: userId, current: true }),
    ctx.em.findBy(DepartmentHandler, { userId }),
    ctx.em.find(Department, { select: { id: true, leaderUserId: true }, where: { leaderUserId: userId } }),
  ]);
  return ids.map((id) => ({
    contactOf: contacts.filter((c) => c.userId === id).map((c) => c.enterpriseId),
    serves: assignments.filter((a) => a.commissionerUserId === id).map((a) => a.enterpriseId),
    handles: handlers.filter((h) => h.userId === id).map((h) => h.departmentId),
    leads: led.filter((d) => d.leaderUserId === id).map((d) => d.id),
  }));
});

/** The departments that have held each problem (its timeline's), so a department keeps sight of a problem transferred away. */
export const departmentsHeldByProblem = defineLoader<number, number[]>("departmentsHeldByProblem", async (ctx, ids) => {
  const rows = await ctx.em
    .createQueryBuilder(ProblemEvent, "e")
    .select("DISTINCT e.problem_id", "problemId")
    .addSelect("e.department_id", "departmentId")
    .where("e.problem_id IN (:...ids) AND e.department_id IS NOT NULL", { ids: [...ids] })
    .getRawMany<{ problemId: number; departmentId: number }>();
  return groupByKey(
    ids,
    rows.map((r) => ({ problemId: Number(r.problemId), departmentId: Number(r.departmentId) })),
    (r) => r.problemId,
  ).map((list) => list.map((r) => r.departmentId));
});

export const visitById = defineLoader<number, Visit | null>("visitById", async (ctx, ids) =>
  byKey(ids, await ctx.em.findBy(Visit, { id: In([...ids]) }), (v) => v.id),
);

export const assignmentById = defineLoader<number, CommissionerAssignment | null>("assignmentById", async (ctx, ids) =>
  byKey(ids, await ctx.em.findBy(CommissionerAssignment, { id: In([...ids]) }), (a) => a.id),
);

/** Each enterprise's current commissioner assignment, if it is a key enterprise. */
export const currentAssignmentByEnterprise = defineLoader<number, CommissionerAssignment | null>(
  "currentAssignmentByEnterprise",
  async (ctx, ids) =>
    byKey(
      ids,
      await ctx.em.findBy(CommissionerAssignment, { enterpriseId: In([...ids]), current: true }),
      (a) => a.enterpriseId,
    ),
);

/** The problems raised from each visit, oldest first. */
export const problemsByVisit = defineLoader<number, Problem[]>("problemsByVisit", async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.em.find(Problem, { where: { visitId: In([...ids]) }, order: { id: "ASC" } }),
    (p) => p.visitId!,
  ),
);

/** Each department's handlers (user ids, in the order they were added). */
export const handlersByDepartment = defineLoader<number, number[]>("handlersByDepartment", async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.em.find(DepartmentHandler, { where: { departmentId: In([...ids]) }, order: { id: "ASC" } }),
    (h) => h.departmentId,
  ).map((list) => list.map((h) => h.userId)),
);

/** Each problem's attachments, oldest first (without their bytes, which are another table). */
export const attachmentsByProblem = defineLoader<number, ProblemAttachment[]>(
  "attachmentsByProblem",
  async (ctx, ids) =>
    groupByKey(
      ids,
      await ctx.em.find(ProblemAttachment, { where: { problemId: In([...ids]) }, order: { id: "ASC" } }),
      (a) => a.problemId,
    ),
);

/** The attachments that came with each timeline step. */
export const attachmentsByEvent = defineLoader<number, ProblemAttachment[]>("attachmentsByEvent", async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.em.find(ProblemAttachment, { where: { eventId: In([...ids]) }, order: { id: "ASC" } }),
    (a) => a.eventId,
  ),
);

export const attachmentById = defineLoader<number, ProblemAttachment | null>("attachmentById", async (ctx, ids) =>
  byKey(ids, await ctx.em.findBy(ProblemAttachment, { id: In([...ids]) }), (a) => a.id),
);
