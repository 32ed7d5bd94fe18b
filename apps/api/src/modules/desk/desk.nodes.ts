import type { RequestContext } from "../../graphql/context";
import { andThen, definePolicy, everyone } from "../../graphql/visibility";
import type { Department } from "./department.entity";
import { canSeeProblem, scopeProblems } from "./desk.policy";
import { departmentById, problemById, problemEventById } from "./desk.loaders";
import type { Problem, ProblemEvent } from "./problem.entity";

/** Problems: see desk.policy.ts; the lists narrow by the same rule in SQL. */
export const problemPolicy = definePolicy<Problem>({
  byId: problemById,
  sees: canSeeProblem,
  scope: scopeProblems,
  primes: true,
});

const visibleProblem = (ctx: RequestContext, problemId: number) =>
  andThen(ctx.load(problemById, problemId), (problem) => (problem ? canSeeProblem(ctx, problem) : false));

export const deskPolicies = {
  /** The district's departments are public. */
  Department: definePolicy<Department>({ byId: departmentById, sees: everyone }),
  Problem: problemPolicy,
  /** A step of the timeline is seen with its problem. */
  ProblemEvent: definePolicy<ProblemEvent>({
    byId: problemEventById,
    sees: (ctx, event) => visibleProblem(ctx, event.problemId),
  }),
};
