import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import { defineLoader, type LoaderDef, type RequestContext } from "./context";
import { decodeCursor, pageOf, type ConnectionArgs, pageSize, type Page } from "./connection";
import { neededColumns, partialPrototype } from "./selection";

/**
 * Raw rows into entities, with the same conversions TypeORM applies (dates, booleans, transformers).
 * `prefix` reads the columns of a joined table (`zf0_name`). Rows of one statement share their keys.
 * Rows that carry some of the columns make partial entities (graphql/selection.ts).
 */
export function hydrate<T>(ds: DataSource, target: EntityTarget<T>, rows: Record<string, unknown>[], prefix = ""): T[] {
  if (!rows.length) return [];
  const meta = ds.getMetadata(target);
  const columns = meta.columns.filter((c) => prefix + c.databaseName in rows[0]);
  const keys = columns.map((c) => prefix + c.databaseName);
  const proto =
    columns.length < meta.columns.length ? partialPrototype(meta, new Set(columns.map((c) => c.propertyName))) : null;
  return rows.map((row) => {
    const entity = (proto ? Object.create(proto) : meta.create()) as ObjectLiteral;
    for (let i = 0; i < columns.length; i++)
      entity[columns[i].propertyName] = ds.driver.prepareHydratedValue(row[keys[i]], columns[i]);
    return entity as T;
  });
}

export interface NestedPageKey {
  parentId: number;
  first: number;
  afterId: number | null;
  /** Extra equality filter on one column, e.g. { column: "status", value: "ENROLLED" }. */
  filter: { column: string; value: string } | null;
}

export function nestedKey(
  parentId: number,
  args: ConnectionArgs,
  filter: NestedPageKey["filter"] = null,
): NestedPageKey {
  return {
    parentId,
    first: pageSize(args),
    afterId: args.after ? Number(decodeCursor(args.after, 1)[0]) : null,
    filter,
  };
}

/**
 * A row each page row leads to (enrollment → trainee → enterprise, enrollment → its certificate),
 * read in the page's own statement by a LEFT JOIN and handed to its loader, which then asks nothing.
 */
export interface PageInclude {
  target: EntityTarget<ObjectLiteral>;
  /** Property that finds the joined row: of the page's rows, or of the include at index `from`. */
  via: string;
  from?: number;
  /** Property of the joined row equal to `via`, and its loader's key: the id unless said otherwise. */
  on?: string;
  loader: LoaderDef<number, ObjectLiteral | null>;
}

/**
 * A connection under each of many parents (cohort.enrollments(first: 50)) in ONE statement:
 * ROW_NUMBER() OVER (PARTITION BY parent) keeps the first N of every parent. MySQL 8, MariaDB
 * 10.2+, SQLite 3.25+ and TiDB all have window functions. Ordered by id, cursors carry the id.
 * `includes` fold the rows the page's nodes lead to into the same statement.
 */
export function nestedPageLoader<T extends { id: number }>(
  name: string,
  target: EntityTarget<T>,
  parentProperty: keyof T & string,
  includes: PageInclude[] = [],
): LoaderDef<NestedPageKey, Page<T>> {
  const counts = defineLoader<NestedPageKey, number>(
    `${name}:count`,
    async (ctx, keys) => {
      const ds = ctx.app.dataSource;
      const meta = ds.getMetadata(target);
      const q = (s: string) => ds.driver.escape(s);
      const parent = meta.findColumnWithPropertyName(parentProperty)!.databaseName;
      const results = new Map<string, number>();
      for (const group of groupBy(keys, (k) => JSON.stringify(k.filter))) {
        const filter = group[0].filter;
        const ids = [...new Set(group.map((k) => k.parentId))];
        const where = filter ? ` AND ${q(meta.findColumnWithPropertyName(filter.column)!.databaseName)} = ?` : "";
        const rows: { p: number; n: number | string }[] = await ctx.em.query(
          `SELECT ${q(parent)} AS p, COUNT(*) AS n FROM ${q(meta.tableName)} WHERE ${q(parent)} IN (${ids.map(() => "?").join(",")})${where} GROUP BY ${q(parent)}`,
          filter ? [...ids, filter.value] : ids,
        );
        for (const r of rows) results.set(`${r.p}|${JSON.stringify(filter)}`, Number(r.n));
      }
      return keys.map((k) => results.get(`${k.parentId}|${JSON.stringify(k.filter)}`) ?? 0);
    },
    (k) => `${k.parentId}|${JSON.stringify(k.filter)}`,
  );

  return defineLoader<NestedPageKey, Page<T>>(
    name,
    async (ctx, keys) => {
      const ds = ctx.app.dataSource;
      const meta = ds.getMetadata(target);
      const q = (s: string) => ds.driver.escape(s);
      const parent = meta.findColumnWithPropertyName(parentProperty)!.databaseName;
      const pages = new Map<NestedPageKey, Page<T>>();
      const shape = pageShape(ctx, meta, parentProperty, includes);
      const joined = includeSql(ds, meta, includes, shape);
      const columns = shape.page.map((c) => q(c.databaseName));
      // Keys that share page size, cursor and filter (the usual case: all of them) share one statement.
      for (const group of groupBy(keys, (k) => JSON.stringify([k.first, k.afterId, k.filter]))) {
        const { first, afterId, filter } = group[0];
        const ids = [...new Set(group.map((k) => k.parentId))];
        const params: unknown[] = [...ids];
        let where = `${q(parent)} IN (${ids.map(() => "?").join(",")})`;
        if (afterId !== null) {
          where += ` AND ${q("id")} > ?`;
          params.push(afterId);
        }
        if (filter) {
          where += ` AND ${q(meta.findColumnWithPropertyName(filter.column)!.databaseName)} = ?`;
          params.push(filter.value);
        }
        params.push(first + 1);
        const rows: Record<string, unknown>[] =
          first === 0
            ? []
            : await ctx.em.query(
                `SELECT ${columns.map((c) => `ranked.${c}`).join(", ")}${joined.columns} FROM (SELECT ${columns.map((c) => `t.${c}`).join(", ")}, ROW_NUMBER() OVER (PARTITION BY ${q(parent)} ORDER BY ${q("id")}) AS zf_rn FROM ${q(meta.tableName)} t WHERE ${where}) ranked${joined.joins} WHERE ranked.zf_rn <= ? ORDER BY ranked.${q(parent)}, ranked.${q("id")}`,
                params,
              );
        primeIncludes(ctx, meta, includes, shape, rows);
        const entities = hydrate(ds, target, rows);
        const byParent = new Map<number, T[]>();
        for (const e of entities) {
          const p = Number(e[parentProperty]);
          byParent.set(p, [...(byParent.get(p) ?? []), e]);
        }
        for (const key of group) {
          pages.set(
            key,
            pageOf(
              byParent.get(key.parentId) ?? [],
              first,
              (row) => [row.id],
              () => ctx.loader(counts).load(key) as Promise<number>,
              afterId !== null,
            ),
          );
        }
      }
      return keys.map((k) => pages.get(k)!);
    },
    (k) => JSON.stringify([k.parentId, k.first, k.afterId, k.filter]),
  );
}

/**
 * Every row of `target` under each of many parents (enterprise → honors) in ONE statement, reading
 * the columns the query selects (graphql/selection.ts), with no query builder in between: Q1 asks
 * for the honors of 1,000 enterprises at once.
 */
export function childrenLoader<T extends { id: number }>(
  name: string,
  target: EntityTarget<T>,
  parentProperty: keyof T & string,
  order: [keyof T & string, "ASC" | "DESC"][],
): LoaderDef<number, T[]> {
  return defineLoader<number, T[]>(name, async (ctx, keys) => {
    const ds = ctx.app.dataSource;
    const meta = ds.getMetadata(target);
    const q = (s: string) => ds.driver.escape(s);
    const parent = meta.findColumnWithPropertyName(parentProperty)!;
    const needed = neededColumns(ctx, meta);
    const columns =
      needed === null
        ? meta.columns
        : meta.columns.filter((c) => c.isPrimary || c === parent || (needed !== "unselected" && needed.includes(c)));
    const sort = order.map(([p, dir]) => `${q(meta.findColumnWithPropertyName(p)!.databaseName)} ${dir}`).join(", ");
    const rows: Record<string, unknown>[] = await ctx.em.query(
      `SELECT ${columns.map((c) => q(c.databaseName)).join(", ")} FROM ${q(meta.tableName)} WHERE ${q(parent.databaseName)} IN (${keys.map(() => "?").join(",")}) ORDER BY ${sort}`,
      [...keys],
    );
    const byParent = new Map<number, T[]>(keys.map((k) => [k, []]));
    for (const entity of hydrate(ds, target, rows)) byParent.get(Number(entity[parentProperty]))?.push(entity);
    return keys.map((k) => byParent.get(k)!);
  });
}

/** Column names (database) of an include's `via` and `on`, and the prefix its `via` is read with. */
function includeColumns(ds: DataSource, meta: EntityMetadata, includes: PageInclude[], i: number) {
  const inc = includes[i];
  const fromMeta = inc.from === undefined ? meta : ds.getMetadata(includes[inc.from].target);
  return {
    via: fromMeta.findColumnWithPropertyName(inc.via)!,
    on: ds.getMetadata(inc.target).findColumnWithPropertyName(inc.on ?? "id")!,
    fromAlias: inc.from === undefined ? "ranked" : `j${inc.from}`,
    fromPrefix: inc.from === undefined ? "" : `zf${inc.from}_`,
  };
}

/**
 * The columns one batch reads: of the page's rows, and of each include, or null for an include the
 * query selects nothing of (it is left out, with the includes that hang from it). Whole rows outside
 * queries (graphql/selection.ts).
 */
interface PageShape {
  page: ColumnMetadata[];
  includes: (ColumnMetadata[] | null)[];
}

function pageShape(
  ctx: RequestContext,
  meta: EntityMetadata,
  parentProperty: string,
  includes: PageInclude[],
): PageShape {
  const ds = ctx.app.dataSource;
  const wanted = (m: EntityMetadata, extra: ColumnMetadata[]) => {
    const needed = neededColumns(ctx, m);
    if (needed === null) return m.columns;
    const base = needed === "unselected" ? m.columns.filter((c) => c.isPrimary) : needed;
    return m.columns.filter((c) => base.includes(c) || extra.includes(c));
  };
  const shapes: (ColumnMetadata[] | null)[] = includes.map(() => null);
  includes.forEach((inc, i) => {
    if (inc.from !== undefined && !shapes[inc.from]) return;
    const target = ds.getMetadata(inc.target);
    if (neededColumns(ctx, target) === "unselected") return;
    const { on } = includeColumns(ds, meta, includes, i);
    const vias = includes.flatMap((dep, d) => (dep.from === i ? [includeColumns(ds, meta, includes, d).via] : []));
    shapes[i] = wanted(target, [on, ...vias]);
  });
  const vias = includes.flatMap((inc, i) =>
    inc.from === undefined && shapes[i] ? [includeColumns(ds, meta, includes, i).via] : [],
  );
  return { page: wanted(meta, [meta.findColumnWithPropertyName(parentProperty)!, ...vias]), includes: shapes };
}

/** The LEFT JOINs and the columns of the includes, each column prefixed `zf<i>_` so that none collide. */
function includeSql(ds: DataSource, meta: EntityMetadata, includes: PageInclude[], shape: PageShape) {
  const q = (s: string) => ds.driver.escape(s);
  let columns = "";
  let joins = "";
  includes.forEach((inc, i) => {
    const read = shape.includes[i];
    if (!read) return;
    const joined = ds.getMetadata(inc.target);
    const { via, on, fromAlias } = includeColumns(ds, meta, includes, i);
    for (const c of read) columns += `, j${i}.${q(c.databaseName)} AS ${q(`zf${i}_${c.databaseName}`)}`;
    joins += ` LEFT JOIN ${q(joined.tableName)} j${i} ON j${i}.${q(on.databaseName)} = ${fromAlias}.${q(via.databaseName)}`;
  });
  return { columns, joins };
}

/** Hands each included row, once, to its loader, and null where there is none: the resolvers that follow ask nothing. */
function primeIncludes(
  ctx: RequestContext,
  meta: EntityMetadata,
  includes: PageInclude[],
  shape: PageShape,
  rows: Record<string, unknown>[],
) {
  const ds = ctx.app.dataSource;
  includes.forEach((inc, i) => {
    if (!shape.includes[i]) return;
    const { via, fromPrefix } = includeColumns(ds, meta, includes, i);
    const viaKey = fromPrefix + via.databaseName;
    const prefix = `zf${i}_`;
    const seen = new Set<unknown>();
    const found: Record<string, unknown>[] = [];
    for (const row of rows) {
      const key = row[viaKey];
      if (key === null || key === undefined || seen.has(key)) continue;
      seen.add(key);
      if (row[`${prefix}id`] === null) ctx.prime(inc.loader, Number(key), null);
      else found.push(row);
    }
    hydrate(ds, inc.target, found, prefix).forEach((entity, k) =>
      ctx.prime(inc.loader, Number(found[k][viaKey]), entity),
    );
  });
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()];
}
