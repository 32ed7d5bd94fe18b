import { GraphQLError, Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import { translate, type ApiKeyScope } from "@zuofu/shared";
import type { RequestContext } from "../../graphql/context";

/**
 * The only mutations an API key may call, with the scope each needs; everything else a key sends
 * as a mutation is refused before it runs.
 */
export const PARTNER_MUTATIONS: Record<string, ApiKeyScope> = {
  recommendNominee: "NOMINATIONS_WRITE",
  reportProblem: "PROBLEMS_WRITE",
};

function rootFields(document: DocumentNode, set: SelectionSetNode, out: string[] = []): string[] {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) out.push(s.name.value);
    else if (s.kind === Kind.INLINE_FRAGMENT) rootFields(document, s.selectionSet, out);
    else {
      const fragment = document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) rootFields(document, fragment.selectionSet, out);
    }
  }
  return out;
}

function forbidden(message: string, extensions: object): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN", ...extensions, http: { status: 403 } } });
}

/**
 * What an API key may run at all, checked before the query is charged: reads need a read scope
 * (MEMBERS_READ includes PUBLIC_READ), mutations must be listed in PARTNER_MUTATIONS with their scope.
 * Which rows a read may return is decided where they are loaded (`ctx.memberScope()`, `ctx.readsMember()`).
 */
export function authorizePartnerOperation(
  ctx: RequestContext,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): void {
  if (!ctx.partner) return;
  if (operation.operation !== "mutation") {
    // A key that reports problems reads what it reported (and what is public) without another scope.
    if (!ctx.hasScope("PUBLIC_READ") && !ctx.hasScope("PROBLEMS_WRITE"))
      throw forbidden(translate("SCOPE_REQUIRED", ctx.locale, { scope: "PUBLIC_READ" }), {
        requiredScope: "PUBLIC_READ",
      });
    return;
  }
  for (const field of rootFields(document, operation.selectionSet)) {
    if (field === "__typename") continue;
    const scope = PARTNER_MUTATIONS[field];
    if (!scope) throw forbidden(translate("KEY_MUTATION_FORBIDDEN", ctx.locale, { operation: field }), {});
    if (!ctx.hasScope(scope))
      throw forbidden(translate("SCOPE_REQUIRED", ctx.locale, { scope }), { requiredScope: scope });
  }
}
