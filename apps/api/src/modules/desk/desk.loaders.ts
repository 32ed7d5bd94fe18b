import { In } from "typeorm";
import { byKey, defineLoader, groupByKey } from "../../loading/loader";
import { CommissionerAssignment } from "./commissioner.entity";
import { Department, DepartmentHandler, EnterpriseContact } from "./department.entity";
import { Problem, ProblemEvent } from "./problem.entity";

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

/** What ties a user to the desk: the enterprises they speak for or serve, the departments they handle or lead. */
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
    ctx.em.findBy(CommissionerAssignment, { commissionerUserId: userId }),
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
