import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { RequestContext } from "./context";
import { fromGlobalId } from "./ids";
import { Node } from "./node";
import { nodePolicies } from "../modules/node-policies";

@Resolver()
export class NodeResolver {
  /** Reads the row; its type's policy decides whether it is shown (graphql/visibility.ts, as for every field). */
  @Query(() => Node, { nullable: true, description: "Any object by its global ID; null if unknown or not visible" })
  node(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string) {
    const parsed = fromGlobalId(id);
    const policy = parsed && Object.hasOwn(nodePolicies, parsed.type) ? nodePolicies[parsed.type] : null;
    return policy ? ctx.load(policy.byId, parsed!.id) : null;
  }
}
