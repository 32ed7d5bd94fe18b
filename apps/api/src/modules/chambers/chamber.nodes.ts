import type { RequestContext } from "../../graphql/context";
import { apiKeyById, chamberById } from "./chamber.loaders";
import { seesChamber } from "./chamber.resolver";

/** node(id) for chambers (staff, or the chamber's own key) and API keys (admin, or the key itself). */
export const chamberNodeFetchers: Record<string, (ctx: RequestContext, id: number) => Promise<object | null> | null> = {
  Chamber: (ctx, id) => (seesChamber(ctx, id) ? ctx.loader(chamberById).load(id) : null),
  ApiKey: (ctx, id) => (ctx.hasRole("ADMIN") || ctx.partner?.apiKeyId === id ? ctx.loader(apiKeyById).load(id) : null),
};
