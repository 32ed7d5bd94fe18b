import type { EntityTarget } from "typeorm";
import { defineLoader, type LoaderDef } from "./loader";
import { decodeCursor, pageOf, type ConnectionArgs, pageSize, type Page } from "../graphql/connection";
import { neededColumns } from "./selection";
import { hydrate, includeSql, includesOf, loadIncludedLists, pageShape, primeIncludes } from "./rows";

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
 * A connection under each of many parents (cohort.enrollments(first: 50)) in ONE statement:
 * ROW_NUMBER() OVER (PARTITION BY parent) keeps the first N of every parent. MySQL 8, MariaDB
 * 10.2+, SQLite 3.25+ and TiDB all have window functions. Ordered by id, cursors carry the id.
 * The rows the page's nodes lead to come in the same statement where the operation selects the
 * fields that declare them (`joins`, loading/rows.ts `includesOf`); `byId` is handed the page's rows.
 */
export function nestedPageLoader<T extends { id: number }>(
  name: string,
  target: EntityTarget<T>,
  parentProperty: keyof T & string,
  byId?: LoaderDef<number, T | null>,
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
      const includes = includesOf(ctx, meta);
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
        await loadIncludedLists(ctx, includes, shape, rows);
        const entities = hydrate(ds, target, rows);
        // The rows also answer their by-id loader (an assignment's nomination is on the page already).
        if (byId) for (const e of entities) ctx.prime(byId, e.id, e);
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
 * the columns the query selects (loading/selection.ts), with no query builder in between: Q1 asks
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

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()];
}
