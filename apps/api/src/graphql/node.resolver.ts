import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { RequestContext } from "./context";
import { fromGlobalId } from "./ids";
import { Node } from "./node";
import { nodeFetchers } from "../modules/node-fetchers";

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any object by its global ID; null if unknown or not visible" })
  node(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string) {
    const parsed = fromGlobalId(id);
    const fetch = parsed && nodeFetchers[parsed.type];
    return fetch ? fetch(ctx, parsed.id) : null;
  }
}
