import { ArgsType, Field, Int, ObjectType, type ClassType } from "type-graphql";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { Range } from "./validation";
import { fail } from "./errors";
import type { RequestContext } from "./context";
import { joinIncludes } from "../loading/rows";

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size, at most ${MAX_PAGE} (default ${DEFAULT_PAGE})` })
  @Range(0, MAX_PAGE)
  first?: number;

  @Field({ nullable: true, description: "Cursor of the last edge of the previous page" })
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;
  @Field()
  hasPreviousPage: boolean;
  @Field(() => String, { nullable: true })
  startCursor: string | null;
  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/**
 * An edge whose cursor is encoded when a client reads it: Q1 asks for none of its 1,000 enrollment
 * edges' cursors, and encoding one (JSON, then base64) costs more than answering the edge.
 */
class LazyEdge<T> implements Edge<T> {
  private encoded: string | undefined;
  constructor(
    readonly node: T,
    private readonly values: (node: T) => unknown[],
  ) {}
  get cursor(): string {
    return (this.encoded ??= encodeCursor(this.values(this.node)));
  }
}

/** The page's info; its cursors, like the edges', are encoded when read. */
class LazyPageInfo implements PageInfo {
  constructor(
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
    private readonly edges: readonly Edge<unknown>[],
  ) {}
  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }
  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}

/** What a connection field resolves to: `totalCount` is counted only when a client asks for it. */
export class Page<T> {
  constructor(
    readonly edges: Edge<T>[],
    readonly pageInfo: PageInfo,
    private readonly count: () => Promise<number> | number,
  ) {}
  get totalCount(): Promise<number> | number {
    return this.count();
  }
}

/** Relay connection type for a node type: `class TraineeConnection extends Connection(Trainee) {}`. */
export function Connection<T extends object>(nodeType: ClassType<T>, name = nodeType.name) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;
    @Field(() => nodeType)
    node: T;
  }

  @ObjectType()
  abstract class ConnectionType {
    @Field(() => [EdgeType])
    edges: EdgeType[];
    @Field(() => PageInfo)
    pageInfo: PageInfo;
    @Field(() => Int, { description: "Number of nodes across all pages" })
    totalCount: number;
  }
  return ConnectionType;
}

export interface SortKey {
  /** SQL expression in the query builder, e.g. `trainee.created_at`. */
  expr: string;
  /** Reads the same value from a loaded row, for the cursor. */
  value: (row: never) => unknown;
  direction: "ASC" | "DESC";
}

type CursorValue = string | number | boolean | null | { d: string };

function encodeCursor(values: unknown[]): string {
  const plain: CursorValue[] = values.map((v) => (v instanceof Date ? { d: v.toISOString() } : (v as CursorValue)));
  return Buffer.from(JSON.stringify(plain)).toString("base64url");
}

function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as CursorValue[];
    if (!Array.isArray(parsed) || parsed.length !== length) throw new Error("bad cursor");
    return parsed.map((v) => (v && typeof v === "object" && "d" in v ? new Date(v.d) : v));
  } catch {
    return fail("BAD_CURSOR", "after");
  }
}

export function pageSize(args: ConnectionArgs): number {
  return args.first ?? DEFAULT_PAGE;
}

/**
 * Keyset pagination over a query builder: stable under inserts, and an index on the sort keys
 * makes every page cost the same however deep it is. The row id breaks ties.
 */
export async function paginate<T extends ObjectLiteral & { id: number }>(
  qb: SelectQueryBuilder<T>,
  args: ConnectionArgs,
  sort: SortKey[],
  joined?: { ctx: RequestContext },
): Promise<Page<T>> {
  const alias = qb.alias;
  const keys: SortKey[] = [
    ...sort,
    { expr: `${alias}.id`, value: (row: { id: number }) => row.id, direction: sort.at(-1)?.direction ?? "ASC" },
  ];
  const size = pageSize(args);
  const countQuery = qb.clone();
  const page = qb.clone();
  if (args.after) {
    const values = decodeCursor(args.after, keys.length);
    const ors: string[] = [];
    const params: Record<string, unknown> = {};
    keys.forEach((key, i) => {
      const ands = keys.slice(0, i).map((prev, j) => `${prev.expr} = :c${j}`);
      ands.push(`${key.expr} ${key.direction === "ASC" ? ">" : "<"} :c${i}`);
      ors.push(`(${ands.join(" AND ")})`);
      params[`c${i}`] = values[i];
    });
    page.andWhere(`(${ors.join(" OR ")})`, params);
  }
  keys.forEach((key, i) =>
    i === 0 ? page.orderBy(key.expr, key.direction) : page.addOrderBy(key.expr, key.direction),
  );
  let rows: T[] = [];
  if (size > 0 && joined) {
    // Joined rows lead to one row each: a plain LIMIT keeps the page, and the includes ride along.
    const prime = joinIncludes(joined.ctx, page);
    const { raw, entities } = await page.limit(size + 1).getRawAndEntities();
    prime(raw as Record<string, unknown>[]);
    rows = entities;
  } else if (size > 0) rows = await page.take(size + 1).getMany();
  const cursorOf = (node: T) => keys.map((k) => (k.value as (r: T) => unknown)(node));
  const edges = rows.slice(0, size).map((node) => new LazyEdge(node, cursorOf));
  return new Page(edges, new LazyPageInfo(rows.length > size, Boolean(args.after), edges), () => countQuery.getCount());
}

/** A connection over rows already in hand (small, bounded lists such as a batch-loaded page). */
export function pageOf<T>(
  rows: T[],
  size: number,
  cursorOf: (row: T) => unknown[],
  total: number | (() => Promise<number>),
  hasPrevious = false,
): Page<T> {
  const edges = rows.slice(0, size).map((node) => new LazyEdge(node, cursorOf));
  return new Page(
    edges,
    new LazyPageInfo(rows.length > size, hasPrevious, edges),
    typeof total === "number" ? () => total : total,
  );
}

export { decodeCursor };
