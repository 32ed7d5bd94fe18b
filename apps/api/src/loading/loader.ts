import { In, type EntityTarget, type FindOptionsWhere } from "typeorm";
import type { LoaderDef } from "../graphql/context";

/** What a loader definition is, the request context holds (`ctx.loader(def)`); made here. */
export type { LoaderDef };

export function defineLoader<K, V>(
  name: string,
  batch: LoaderDef<K, V>["batch"],
  cacheKey?: (key: K) => unknown,
): LoaderDef<K, V> {
  return { name, batch, cacheKey };
}

/**
 * The loader of an entity's rows by their `id`: one `IN (…)` statement per batch, null for an id
 * that has no row. Every plain by-id loader is one of these.
 */
export function byIdLoader<T extends { id: number }>(
  name: string,
  target: EntityTarget<T>,
): LoaderDef<number, T | null> {
  return defineLoader<number, T | null>(name, async (ctx, ids) =>
    byKey(ids, await ctx.em.findBy(target, { id: In([...ids]) } as FindOptionsWhere<T>), (row) => row.id),
  );
}

/** Batch helper: one row (or null) per key, in key order. */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

/** Batch helper: all rows per key, in key order. */
export function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>(keys.map((k) => [k, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map((k) => map.get(k) ?? []);
}
