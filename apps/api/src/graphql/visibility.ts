import {
  defaultFieldResolver,
  getNamedType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLSchema,
} from "graphql";
import { In, type EntityTarget, type SelectQueryBuilder } from "typeorm";
import type { RequestContext } from "./context";
import { byKey, defineLoader, type LoaderDef } from "../loading/loader";
import { codedError } from "./errors";
import { Page } from "./connection";

type Row = { id: number };

/**
 * Who may see the rows of one Node type, declared once beside the type (`<module>.nodes.ts`) and
 * used wherever a row of it leaves the API: `node(id)`, root lists, and every field that returns the
 * type (`withVisibility` below), so a neighbour cannot hand out what the root hides.
 */
export interface Policy<T extends Row> {
  /** The type's by-id loader: `node(id)` reads through it. */
  byId: LoaderDef<number, T | null>;
  /**
   * Whether this request's viewer may see `row`. Synchronous when the row and the viewer decide;
   * a promise only when it must read something, through loaders (one batched statement per level).
   */
  sees(ctx: RequestContext, row: T): boolean | Promise<boolean>;
  /** The same rule as a condition on a root list's statement (`qb.alias` names the type's table). */
  scope?(ctx: RequestContext, qb: SelectQueryBuilder<T>): void;
  /**
   * Rows that pass are handed to `byId`: the policies of the rows under them (a cohort's class
   * days) read their parent without a statement of their own.
   */
  primes?: boolean;
  /**
   * What `sees` reads of a row beyond its keys: read with every row of the type whatever the query
   * selects, since a page may have read the row in part (loading/README.md).
   */
  reads?: readonly (keyof T & string)[];
}

export type Policies = Record<string, Policy<never>>;

export function definePolicy<T extends Row>(policy: Policy<T>): Policy<T> {
  return policy;
}

/** Everyone sees it (public business data, the catalog). */
export const everyone = () => true;

/** A by-id loader for a type whose rows are read one by one only through `node(id)`. */
export function rowsById<T extends Row>(target: EntityTarget<T> & { name: string }): LoaderDef<number, T | null> {
  return defineLoader<number, T | null>(`${target.name}ById`, async (ctx, ids) =>
    byKey(ids, await ctx.em.findBy(target, { id: In([...ids]) } as never), (r) => r.id),
  );
}

/** `fn` of the value, at once when the value is there, else once it is (graphql-js completes plain values without a promise). */
export function andThen<T, U>(value: T | Promise<T>, fn: (v: T) => U | Promise<U>): U | Promise<U> {
  return value instanceof Promise ? value.then(fn) : fn(value);
}

/**
 * `policy`, whose rows are also seen by whoever `more` lets see them: how a module widens another
 * module's policy (a judge sees the people of the nominations they judge) without the other
 * importing it. Composed in modules/node-policies.ts.
 */
export function seenAlsoBy<T extends Row>(
  policy: Policy<T>,
  ...more: ((ctx: RequestContext, row: NoInfer<T>) => boolean | Promise<boolean>)[]
): Policy<T> {
  return {
    ...policy,
    sees: (ctx, row) =>
      more.reduce<boolean | Promise<boolean>>(
        (seen, also) => (seen instanceof Promise ? seen.then((s) => s || also(ctx, row)) : seen || also(ctx, row)),
        policy.sees(ctx, row),
      ),
  };
}

function policyOf(policies: Policies, row: object): Policy<Row> | undefined {
  return policies[row.constructor.name] as Policy<Row> | undefined;
}

/** `row` when the viewer may see it, else null; a row of a type without a policy is never shown. */
export function visible<T extends object>(
  ctx: RequestContext,
  policies: Policies,
  row: T | null | undefined,
): T | null | Promise<T | null> {
  if (!row) return null;
  const policy = policyOf(policies, row);
  if (!policy) return null;
  const seen = policy.sees(ctx, row as unknown as Row);
  // Q1 checks thousands of rows: the usual, synchronous answer makes no closure.
  if (seen === true) return passed(ctx, policy, row);
  if (seen === false) return null;
  return seen.then((ok) => (ok ? passed(ctx, policy, row) : null));
}

function passed<T extends object>(ctx: RequestContext, policy: Policy<Row>, row: T): T {
  if (policy.primes) ctx.prime(policy.byId, (row as unknown as Row).id, row as unknown as Row);
  return row;
}

/** The rows the viewer may see, in order; at once when every check is. */
function visibleRows<T extends object>(ctx: RequestContext, policies: Policies, rows: T[]): T[] | Promise<T[]> {
  let pending: Promise<unknown>[] | null = null;
  const seen = rows.map((row) => {
    const s = visible(ctx, policies, row);
    if (s instanceof Promise) (pending ??= []).push(s);
    return s;
  });
  if (!pending) return seen.filter((s): s is T => s !== null) as T[];
  return Promise.all(seen).then((all) => all.filter((s): s is Awaited<T> => s !== null) as T[]);
}

function visiblePage<T extends object>(
  ctx: RequestContext,
  policies: Policies,
  page: Page<T>,
): Page<T> | Promise<Page<T>> {
  const filter = (nodes: T[]) => {
    if (nodes.length === page.edges.length) return page;
    const kept = new Set(nodes);
    // Only a leak elsewhere gets here: the list's own SQL scope should have left these rows out.
    return new Page(
      page.edges.filter((e) => kept.has(e.node)),
      page.pageInfo,
      () => page.totalCount,
    );
  };
  const nodes = visibleRows(
    ctx,
    policies,
    page.edges.map((e) => e.node),
  );
  return nodes instanceof Promise ? nodes.then(filter) : filter(nodes);
}

type Returns = "one" | "list" | "connection";

/** The Node type a field hands out (one, a list, a connection of them; "Node" for any), or null. */
export function nodeTypeOf(field: GraphQLField<unknown, unknown>, nodeTypes: ReadonlySet<string>): string | null {
  const named: GraphQLNamedType = getNamedType(field.type);
  if (isInterfaceType(named) && named.name === "Node") return named.name;
  if (!isObjectType(named)) return null;
  if (nodeTypes.has(named.name)) return named.name;
  const edges = named.getFields().edges;
  const edge = edges && getNamedType(edges.type);
  const node = edge && isObjectType(edge) ? edge.getFields().node : undefined;
  const type = node && getNamedType(node.type).name;
  return type && nodeTypes.has(type) ? type : null;
}

/** What a field hands out of the Node types: one, a list, a connection of them, or none. */
export function nodeReturn(field: GraphQLField<unknown, unknown>, nodeTypes: ReadonlySet<string>): Returns | null {
  const type = nodeTypeOf(field, nodeTypes);
  if (!type) return null;
  if (getNamedType(field.type).name !== type && type !== "Node") return "connection";
  return String(field.type).includes("[") ? "list" : "one";
}

/**
 * Puts the policies around every field that returns a Node type, a list or a connection of one,
 * found from the schema so that a new type or field is covered without a list to keep: a hidden row
 * answers null (FORBIDDEN where the field cannot be null), a list or a page leaves it out. Edges are
 * checked by their connection. Mutation payloads too, but for a sign-in's (`token` beside `user`),
 * whose request had no viewer yet.
 */
export function withVisibility(schema: GraphQLSchema, policies: Policies): GraphQLSchema {
  const nodeInterface = schema.getType("Node");
  if (!nodeInterface || !isInterfaceType(nodeInterface)) return schema;
  const nodeTypes = new Set(schema.getPossibleTypes(nodeInterface).map((t) => t.name));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__") || type === schema.getMutationType()) continue;
    if (type.name.endsWith("Edge") && "cursor" in type.getFields()) continue;
    // A sign-in's payload hands its caller their own account with the session that makes it theirs.
    if ("token" in type.getFields()) continue;
    for (const field of Object.values(type.getFields())) {
      const returns = nodeReturn(field, nodeTypes);
      // Public types need no check: Q1's courses, enterprises and honors are read as they were.
      if (!returns || policies[nodeTypeOf(field, nodeTypes)!]?.sees === everyone) continue;
      const resolve: GraphQLFieldResolver<unknown, RequestContext> = field.resolve ?? defaultFieldResolver;
      const required = isNonNullType(field.type);
      const check = (ctx: RequestContext, value: unknown): unknown => {
        if (value === null || value === undefined) return value;
        if (returns === "list") return visibleRows(ctx, policies, value as object[]);
        if (returns === "connection") return visiblePage(ctx, policies, value as Page<object>);
        return andThen(visible(ctx, policies, value as object), (row) => {
          if (row === null && required) throw codedError("FORBIDDEN", ctx.locale);
          return row;
        });
      };
      field.resolve = (source, args, ctx, info) => andThen(resolve(source, args, ctx, info), (v) => check(ctx, v));
    }
  }
  return schema;
}
