import {
  Kind,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isListType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { DEFAULT_PAGE } from "./connection";

/** What a query may cost, worked out from the document before anything runs (GitHub's method). */
export interface QueryCost {
  /** Lists the server must fill: one per connection per parent object that can hold it. */
  requests: number;
  /** Objects the query can return at most: every list filled to its `first`. */
  nodes: number;
  /** Rate-limit points: requests / 100, rounded, at least 1 (GitHub's formula). */
  points: number;
}

/** A plain list of objects (no `first`) is assumed to hold as many as a default page. */
export const ASSUMED_LIST_SIZE = DEFAULT_PAGE;

function isConnection(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return "edges" in fields && "pageInfo" in fields;
}

/**
 * The variables as execution will see them: defaults filled in and values coerced. Variables that do
 * not coerce make execution refuse the whole operation, so nothing runs and nothing is counted for them.
 */
function coercedVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  return coerced.coerced ?? {};
}

/** `first` as the resolver will receive it: a literal, a variable's value or default, or the argument's default. */
function firstOf(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>) {
  try {
    const first = getArgumentValues(field, node, variables).first;
    return typeof first === "number" && Number.isInteger(first) ? first : null;
  } catch {
    return null; // refused by execution too
  }
}

/**
 * GitHub's GraphQL cost: each connection counts as many requests as there can be parent objects
 * that hold it, sized by its `first` (default DEFAULT_PAGE); introspection and `__typename` are free.
 * Every fragment is counted as if it applied, which can only overstate the cost.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): QueryCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const values = coercedVariables(schema, operation, variables);
  let requests = 0;
  let nodes = 0;

  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, multiplier: number, inConnection: boolean) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        walk(selection.selectionSet, (type ?? parent) as GraphQLCompositeType, multiplier, inConnection);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && type) walk(fragment.selectionSet, type as GraphQLCompositeType, multiplier, inConnection);
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith("__") || !selection.selectionSet || !("getFields" in parent)) continue;
      const field = parent.getFields()[name];
      if (!field) continue;
      const type = getNamedType(field.type) as GraphQLCompositeType;
      if (isConnection(type)) {
        const first = firstOf(field, selection, values);
        const size = Math.max(0, first ?? DEFAULT_PAGE);
        requests += multiplier;
        nodes += multiplier * size;
        walk(selection.selectionSet, type, multiplier * size, true);
      } else if (isListType(getNullableType(field.type)) && !(inConnection && name === "edges")) {
        requests += multiplier;
        nodes += multiplier * ASSUMED_LIST_SIZE;
        walk(selection.selectionSet, type, multiplier * ASSUMED_LIST_SIZE, false);
      } else {
        walk(selection.selectionSet, type, multiplier, false);
      }
    }
  };

  const root = operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (root) walk(operation.selectionSet, root, 1, false);
  return { requests, nodes, points: Math.max(1, Math.round(requests / 100)) };
}
