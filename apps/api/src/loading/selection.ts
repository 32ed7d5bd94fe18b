import {
  Kind,
  getNamedType,
  isAbstractType,
  isObjectType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import type { EntityMetadata } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import type { RequestContext, Selection } from "../graphql/context";
import { fieldKinds } from "./fields";
import { planOf, rowReadsOf } from "./plan";

/**
 * Which columns a query needs, worked out from what it selects. A connection under many parents
 * (Q1: 1,000 enrollments with trainee and enterprise) spent most of its time turning columns
 * nobody asked for into strings and dates; now it reads the columns of the fields the operation
 * selects, and the entities it makes refuse, loudly, to be read where a column was left out.
 *
 * A field answered by a `@FieldResolver` reads what its `@Loads` declaration says (loading/plan.ts);
 * `reads: "row"` needs every column of its entity. Ids and foreign keys (`…Id`) are always read.
 */

const selections = new WeakMap<OperationDefinitionNode, Selection>();

export function selectionOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): Selection {
  const cached = selections.get(operation);
  if (cached) return cached;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const selected = new Map<string, Set<string>>();
  const seen = new Set<string>();
  const objectTypes = (type: GraphQLNamedType) =>
    isAbstractType(type) ? schema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];

  const walk = (set: SelectionSetNode, type: GraphQLNamedType) => {
    // One selection set under one type is walked once (fragments spread many times).
    const key = `${type.name}@${set.loc?.start ?? ""}:${set.loc?.end ?? ""}`;
    if (set.loc && seen.has(key)) return;
    seen.add(key);
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const cond = selection.typeCondition && schema.getType(selection.typeCondition.name.value);
        walk(selection.selectionSet, cond ?? type);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const cond = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && cond) walk(fragment.selectionSet, cond);
      } else {
        const name = selection.name.value;
        if (name.startsWith("__")) continue;
        for (const object of objectTypes(type)) {
          const field = object.getFields()[name];
          if (!field) continue;
          let fields = selected.get(object.name);
          if (!fields) selected.set(object.name, (fields = new Set()));
          fields.add(name);
          if (selection.selectionSet) walk(selection.selectionSet, getNamedType(field.type));
        }
      }
    }
  };
  const root = operation.operation === "query" ? schema.getQueryType() : null;
  if (root) walk(operation.selectionSet, root);
  selections.set(operation, selected);
  return selected;
}

/** Puts a query's selection on its context; a mutation's loaders read whole rows. */
export function selectionPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, schema }) {
          if (operation?.operation === "query")
            contextValue.selection = { schema, fields: selectionOf(schema, document, operation) };
        },
      };
    },
  };
}

/** Whether the operation selects `field` of `type` anywhere (outside queries: no). */
export function isSelected(ctx: RequestContext, type: { name: string }, field: string): boolean {
  return ctx.selection?.fields.get(type.name)?.has(field) ?? false;
}

/** What any row of `meta` is read with, whatever the query selects: its keys and what its visibility policy `reads`. */
export function alwaysColumns(ctx: RequestContext, meta: EntityMetadata): ColumnMetadata[] {
  const properties = (ctx.selection && rowReadsOf(ctx.selection.schema, ctx.selection.fields).get(meta.name)) ?? [];
  return meta.columns.filter((c) => isKey(c) || properties.includes(c.propertyName));
}

/** A key column: the id, and foreign keys, which resolvers follow without declaring them. */
function isKey(column: ColumnMetadata): boolean {
  return column.isPrimary || column.propertyName.endsWith("Id");
}

/**
 * The columns of `meta` the current query needs: null for all of them (not a query, no such
 * GraphQL type, or a selected field that may read anything), "unselected" when the operation
 * selects nothing of its type.
 */
export function neededColumns(ctx: RequestContext, meta: EntityMetadata): ColumnMetadata[] | "unselected" | null {
  if (!ctx.selection) return null;
  const { schema, fields } = ctx.selection;
  const typeName = meta.name;
  if (!schema.getType(typeName)) return null;
  const selected = fields.get(typeName);
  if (!selected) return "unselected";
  const { plain } = fieldKinds(schema);
  const plan = planOf(schema);
  const properties = new Set<string>(rowReadsOf(schema, fields).get(typeName));
  for (const field of selected) {
    const property = plain.get(`${typeName}.${field}`);
    if (property === "globalId") continue;
    if (property !== undefined && meta.findColumnWithPropertyName(property)) {
      properties.add(property);
      continue;
    }
    const declared = plan.reads.get(`${typeName}.${field}`);
    if (!declared || declared === "row") return null;
    declared.forEach((p) => properties.add(p));
  }
  return meta.columns.filter((c) => isKey(c) || properties.has(c.propertyName));
}

const partials = new WeakMap<EntityMetadata, Map<string, object>>();

/**
 * The prototype of an entity of `meta` made from some of its columns: an instance of the entity
 * class whose left-out columns throw when read (and take a value when written), so that a missing
 * `@Loads` declaration fails in tests instead of answering null.
 */
export function partialPrototype(meta: EntityMetadata, loaded: ReadonlySet<string>): object {
  let byColumns = partials.get(meta);
  if (!byColumns) partials.set(meta, (byColumns = new Map()));
  const key = [...loaded].sort().join(",");
  let proto = byColumns.get(key);
  if (proto) return proto;
  proto = Object.create((meta.target as { prototype: object }).prototype) as object;
  for (const column of meta.columns) {
    if (loaded.has(column.propertyName)) continue;
    const name = column.propertyName;
    Object.defineProperty(proto, name, {
      get() {
        throw new Error(
          `${meta.name}.${name} was not read for this query: declare it in the @Loads of the field that reads it (loading/README.md)`,
        );
      },
      set(value: unknown) {
        Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true });
      },
    });
  }
  byColumns.set(key, proto);
  return proto;
}
