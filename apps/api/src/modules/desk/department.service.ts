import type { RequestContext } from "../../graphql/context";
import { fail } from "../../graphql/errors";
import { isDuplicateKey } from "../../db/dialect";
import { audit, subjectOf } from "../audit/audit.service";
import { personWithRole } from "./commissioner.service";
import { Department, DepartmentHandler } from "./department.entity";

async function department(tx: RequestContext, departmentId: number | null): Promise<Department> {
  const found = departmentId ? await tx.em.findOneBy(Department, { id: departmentId }) : null;
  return found ?? fail("NOT_FOUND", "departmentId");
}

/** Desk staff add a handler (an account with the DEPARTMENT_HANDLER role) to a department. */
export async function addDepartmentHandler(ctx: RequestContext, departmentId: number | null, userId: number | null) {
  ctx.requireRole("STAFF");
  return ctx.transaction(async (tx) => {
    const dept = await department(tx, departmentId);
    const user = await personWithRole(tx, userId, "DEPARTMENT_HANDLER", "NOT_A_HANDLER", "userId");
    try {
      await tx.em.insert(DepartmentHandler, { departmentId: dept.id, userId: user.id });
    } catch (err) {
      if (isDuplicateKey(err)) fail("ALREADY_HANDLER", "userId", { name: user.name });
      throw err;
    }
    await audit(tx, "department.handler_added", subjectOf(dept), { userId: user.id });
    return dept;
  });
}

/**
 * Desk staff take a handler off a department. The problems the department holds stay with it
 * (its other handlers, or new ones, answer them).
 */
export async function removeDepartmentHandler(ctx: RequestContext, departmentId: number | null, userId: number | null) {
  ctx.requireRole("STAFF");
  return ctx.transaction(async (tx) => {
    const dept = await department(tx, departmentId);
    const removed = userId ? await tx.em.delete(DepartmentHandler, { departmentId: dept.id, userId }) : null;
    if (!removed?.affected) fail("NOT_FOUND", "userId");
    await audit(tx, "department.handler_removed", subjectOf(dept), { userId });
    return dept;
  });
}

/** Desk staff set the leader in charge (分管区领导) who takes a department's escalated problems, or clear it. */
export async function setDepartmentLeader(ctx: RequestContext, departmentId: number | null, leaderId: number | null) {
  ctx.requireRole("STAFF");
  return ctx.transaction(async (tx) => {
    const dept = await department(tx, departmentId);
    const leader =
      leaderId === null ? null : await personWithRole(tx, leaderId, "LEADER_IN_CHARGE", "NOT_A_LEADER", "leaderId");
    if ((leader?.id ?? null) === dept.leaderUserId) return dept;
    const before = dept.leaderUserId;
    dept.leaderUserId = leader?.id ?? null;
    await tx.em.update(Department, { id: dept.id }, { leaderUserId: dept.leaderUserId });
    await audit(tx, "department.leader_set", subjectOf(dept), { leaderUserId: dept.leaderUserId, before });
    return dept;
  });
}
