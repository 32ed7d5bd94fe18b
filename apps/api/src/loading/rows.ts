import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import type { RequestContext, Selection } from "../graphql/context";
import type { LoaderDef } from "./loader";
import { planOf } from "./plan";
import { alwaysColumns, neededColumns, partialPrototype } from "./selection";

/**
 * Raw rows into entities, with the same conversions TypeORM applies (dates, booleans, transformers).
 * `prefix` reads the columns of a joined table (`zf0_name`). Rows of one statement share their keys.
 * Rows that carry some of the columns make partial entities (loading/selection.ts).
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

/**
 * A row each page row leads to (enrollment → trainee → enterprise, enrollment → its certificate),
 * read in the page's own statement by a LEFT JOIN and handed to its loader, which then asks nothing.
 * Worked out from the `joins` the selected fields declare (`includesOf`), never listed by a loader.
 */
export interface PageInclude {
  target: EntityTarget<ObjectLiteral>;
  /** Property that finds the joined row: of the page's rows, or of the include at index `from`. */
  via: string;
  from?: number;
  /** Property of the joined row equal to `via`, and its loader's key: the id unless said otherwise. */
  on?: string;
  loader: LoaderDef<number, unknown>;
  /**
   * Lists under the included row (an enterprise's honors) that the query selects: loaded in one
   * batch before a nested page answers, so that every row under the page completes at once instead
   * of through a promise each. The statements stay the same.
   */
  lists: LoaderDef<number, unknown>[];
}

const derived = new WeakMap<Selection, Map<string, PageInclude[]>>();

/**
 * The rows a page of `meta` joins for this operation: the `joins` of the fields it selects of the
 * page's type, then of the joined rows' types (enrollment → trainee → enterprise), each type once
 * on a path; and the `list`s it selects of a joined row. None outside queries.
 */
export function includesOf(ctx: RequestContext, meta: EntityMetadata): PageInclude[] {
  const selection = ctx.selection;
  if (!selection) return [];
  let byType = derived.get(selection.fields);
  if (!byType) derived.set(selection.fields, (byType = new Map()));
  const cached = byType.get(meta.name);
  if (cached) return cached;
  const plan = planOf(selection.schema);
  const includes: PageInclude[] = [];
  const visit = (typeName: string, from: number | undefined, path: readonly string[]) => {
    const selected = selection.fields.get(typeName);
    if (!selected) return;
    for (const field of selected) {
      if (from !== undefined) {
        const list = plan.lists.get(`${typeName}.${field}`);
        if (list && !includes[from].lists.includes(list)) includes[from].lists.push(list);
      }
      for (const j of plan.joins.get(`${typeName}.${field}`) ?? []) {
        const same = includes.find(
          (inc) => inc.from === from && inc.target === j.target && inc.via === j.via && inc.on === j.on,
        );
        if (same || path.includes(j.target.name)) continue;
        includes.push({ target: j.target, via: j.via, from, on: j.on, loader: j.loader, lists: [] });
        visit(j.target.name, includes.length - 1, [...path, j.target.name]);
      }
    }
  };
  visit(meta.name, undefined, [meta.name]);
  byType.set(meta.name, includes);
  return includes;
}

/** How a statement names the page's own rows: "ranked" and bare columns in a nested page, the query builder's alias at the root. */
export interface PageAlias {
  alias: string;
  prefix: string;
}

const NESTED: PageAlias = { alias: "ranked", prefix: "" };

/** Column names (database) of an include's `via` and `on`, and the prefix its `via` is read with. */
export function includeColumns(
  ds: DataSource,
  meta: EntityMetadata,
  includes: PageInclude[],
  i: number,
  page: PageAlias = NESTED,
) {
  const inc = includes[i];
  const fromMeta = inc.from === undefined ? meta : ds.getMetadata(includes[inc.from].target);
  return {
    via: fromMeta.findColumnWithPropertyName(inc.via)!,
    on: ds.getMetadata(inc.target).findColumnWithPropertyName(inc.on ?? "id")!,
    fromAlias: inc.from === undefined ? page.alias : `j${inc.from}`,
    fromPrefix: inc.from === undefined ? page.prefix : `zf${inc.from}_`,
  };
}

/**
 * The columns one batch reads: of the page's rows, and of each include, or null for an include the
 * query selects nothing of (it is left out, with the includes that hang from it). Whole rows outside
 * queries (loading/selection.ts).
 */
export interface PageShape {
  page: ColumnMetadata[];
  includes: (ColumnMetadata[] | null)[];
}

export function pageShape(
  ctx: RequestContext,
  meta: EntityMetadata,
  parentProperty: string | null,
  includes: PageInclude[],
): PageShape {
  const ds = ctx.app.dataSource;
  const wanted = (m: EntityMetadata, extra: ColumnMetadata[]) => {
    const needed = neededColumns(ctx, m);
    if (needed === null) return m.columns;
    const base = needed === "unselected" ? alwaysColumns(ctx, m) : needed;
    return m.columns.filter((c) => base.includes(c) || extra.includes(c));
  };
  const shapes: (ColumnMetadata[] | null)[] = includes.map(() => null);
  includes.forEach((inc, i) => {
    if (inc.from !== undefined && !shapes[inc.from]) return;
    const target = ds.getMetadata(inc.target);
    const { on } = includeColumns(ds, meta, includes, i);
    const vias = includes.flatMap((dep, d) => (dep.from === i ? [includeColumns(ds, meta, includes, d).via] : []));
    shapes[i] = wanted(target, [on, ...vias]);
  });
  const vias = includes.flatMap((inc, i) =>
    inc.from === undefined && shapes[i] ? [includeColumns(ds, meta, includes, i).via] : [],
  );
  const parent = parentProperty === null ? [] : [meta.findColumnWithPropertyName(parentProperty)!];
  return { page: wanted(meta, [...parent, ...vias]), includes: shapes };
}

/** The LEFT JOINs and the columns of the includes, each column prefixed `zf<i>_` so that none collide. */
export function includeSql(ds: DataSource, meta: EntityMetadata, includes: PageInclude[], shape: PageShape) {
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
export function primeIncludes(
  ctx: RequestContext,
  meta: EntityMetadata,
  includes: PageInclude[],
  shape: PageShape,
  rows: Record<string, unknown>[],
  page: PageAlias = NESTED,
) {
  const ds = ctx.app.dataSource;
  includes.forEach((inc, i) => {
    if (!shape.includes[i]) return;
    const { via, fromPrefix } = includeColumns(ds, meta, includes, i, page);
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

/**
 * The includes of a root connection (the honor roll → cycle, program, enterprise, certificate) as
 * LEFT JOINs of its query builder, for the columns the query selects; answers what primes their
 * loaders from the statement's raw rows. The joins lead to one row each, so the page stays a page.
 */
export function joinIncludes<T extends ObjectLiteral>(
  ctx: RequestContext,
  qb: SelectQueryBuilder<T>,
): (raw: Record<string, unknown>[]) => void {
  const ds = ctx.app.dataSource;
  const q = (s: string) => ds.driver.escape(s);
  const meta = qb.expressionMap.mainAlias!.metadata;
  const includes = includesOf(ctx, meta);
  const page: PageAlias = { alias: qb.alias, prefix: `${qb.alias}_` };
  const shape = pageShape(ctx, meta, null, includes);
  includes.forEach((inc, i) => {
    const read = shape.includes[i];
    if (!read) return;
    const { via, on, fromAlias } = includeColumns(ds, meta, includes, i, page);
    qb.leftJoin(
      ds.getMetadata(inc.target).tableName,
      `j${i}`,
      `j${i}.${q(on.databaseName)} = ${fromAlias}.${q(via.databaseName)}`,
    );
    for (const c of read) qb.addSelect(`j${i}.${q(c.databaseName)}`, `zf${i}_${c.databaseName}`);
  });
  return (raw) => primeIncludes(ctx, meta, includes, shape, raw, page);
}

/** Loads the `lists` of the page's includes that the query selects (see PageInclude), all at once. */
export async function loadIncludedLists(
  ctx: RequestContext,
  includes: PageInclude[],
  shape: PageShape,
  rows: Record<string, unknown>[],
): Promise<void> {
  const loads: Promise<unknown>[] = [];
  includes.forEach((inc, i) => {
    if (!shape.includes[i] || !inc.lists.length) return;
    const ids = [...new Set(rows.map((r) => r[`zf${i}_id`]).filter((id) => id !== null && id !== undefined))];
    for (const list of inc.lists) loads.push(ctx.loader(list).loadMany(ids.map(Number)));
  });
  await Promise.all(loads);
}
