import { definePolicy } from "../../graphql/visibility";
import type { ApiKey } from "./api-key.entity";
import type { Chamber } from "./chamber.entity";
import { apiKeyById, chamberById } from "./chamber.loaders";
import { seesChamber } from "./chamber.resolver";

/** Chambers: staff, or the chamber's own key. API keys: admin, or the key itself. */
export const chamberPolicies = {
  Chamber: definePolicy<Chamber>({ byId: chamberById, sees: (ctx, chamber) => seesChamber(ctx, chamber.id) }),
  ApiKey: definePolicy<ApiKey>({
    byId: apiKeyById,
    sees: (ctx, key) => ctx.hasRole("ADMIN") || ctx.partner?.apiKeyId === key.id,
  }),
};
