import { Extensions } from "type-graphql";
import type { LoaderDef } from "./loader";

/**
 * How a field resolver declares what it loads, where it is written (loading/README.md):
 *
 *     @FieldResolver(() => Trainee)
 *     @Loads(Enrollment, { joins: [join(Trainee, "traineeId", traineeById)] })
 *     trainee(@Root() e: Enrollment, @Ctx() ctx: RequestContext) { return ctx.load(traineeById, e.traineeId); }
 *
 * The declaration rides on the built schema (`field.extensions.loading`); the plan reads it from
 * there (loading/plan.ts), so nothing counts that is not in the schema, and nothing registers itself
 * by being imported.
 */

/** An entity class: what property keys are checked against. */
export type EntityClass<T> = (abstract new (...args: never[]) => T) & { name: string };

/**
 * The one row a field leads to (an enrollment's trainee): a page of the field's type joins it in its
 * own statement when the operation selects the field, and hands it to `loader`, which the resolver
 * then reads without a statement of its own.
 */
export interface Join<Via extends string = string> {
  target: EntityClass<unknown>;
  /** Property of the root equal to the joined row's `on`. */
  via: Via;
  /** Property of the joined row: its id unless said otherwise (a certificate's `enrollmentId`). */
  on: string;
  loader: LoaderDef<number, unknown>;
  /** What the resolver reads of the joined row although the query may select nothing of it (a nominee's `name`). */
  reads: readonly string[];
}

/** A join, with `on` and `reads` checked against the joined entity. */
export function join<T, Via extends string>(
  target: EntityClass<T>,
  via: Via,
  loader: LoaderDef<number, T | null>,
  options: { on?: keyof T & string; reads?: readonly (keyof T & string)[] } = {},
): Join<Via> {
  return {
    target: target as EntityClass<unknown>,
    via,
    on: options.on ?? "id",
    loader: loader as LoaderDef<number, unknown>,
    reads: options.reads ?? [],
  };
}

/** Properties a field reads of rows of another type that it loads by other means (a judge candidate's enterprise's `name`). */
export interface RowReads {
  target: EntityClass<unknown>;
  reads: readonly string[];
}

/** What a field reads of any row of `target` it loads, checked against the entity. */
export function readsOf<T>(target: EntityClass<T>, reads: readonly (keyof T & string)[]): RowReads {
  return { target: target as EntityClass<unknown>, reads };
}

/** What one field resolver of `Root` loads. */
export interface Loading<Root> {
  /**
   * Properties of the root it reads, itself or through what it calls, beyond the id and the `…Id`
   * foreign keys, which are always read. `"row"`: all of them (it hands the row to code that may read anything).
   */
  reads?: readonly (keyof Root & string)[] | "row";
  /** The rows it leads to, one each (see `Join`). */
  joins?: readonly Join<keyof Root & string>[];
  /**
   * A list under the root by its id (an enterprise's honors): when the root comes joined into a
   * nested page, the lists of all its rows are loaded in one batch before that page answers.
   */
  list?: LoaderDef<number, unknown>;
  /**
   * What it reads of rows of other types that it loads through their loaders, not by a join: while
   * the operation selects the field, every row of those types it reads carries these properties.
   */
  rows?: readonly RowReads[];
}

/** The declaration as the schema carries it. */
export interface FieldLoading {
  root: string;
  reads: readonly string[] | "row";
  joins: readonly Join[];
  list: LoaderDef<number, unknown> | null;
  rows: readonly RowReads[];
}

export const LOADING = "loading";

/** Declares what the field resolver below it loads (see `Loading`); every field resolver of an entity type has one. */
export function Loads<Root>(root: EntityClass<Root>, loading: Loading<Root> = {}): MethodDecorator {
  const declared: FieldLoading = {
    root: root.name,
    reads: loading.reads ?? [],
    joins: loading.joins ?? [],
    list: loading.list ?? null,
    rows: loading.rows ?? [],
  };
  return Extensions({ [LOADING]: declared }) as MethodDecorator;
}
