import { isObjectType, type GraphQLSchema } from "graphql";
import type { DataSource, EntityMetadata } from "typeorm";
import { LOADING, type FieldLoading, type Join } from "./declare";
import { fieldKinds } from "./fields";
import type { LoaderDef } from "./loader";
import type { Selection } from "../graphql/context";

/**
 * The loading declarations of one built schema, by `Type.field` (loading/README.md): read once
 * from the fields' extensions (`@Loads`) and the visibility policies' `reads`, when the schema is built.
 */
export interface LoadingPlan {
  /** What each field resolver reads of its root. */
  reads: ReadonlyMap<string, readonly string[] | "row">;
  /** The rows each field leads to, which a page of its type may join. */
  joins: ReadonlyMap<string, readonly Join[]>;
  /** The list each field answers by its root's id, batched under a page that joins the root. */
  lists: ReadonlyMap<string, LoaderDef<number, unknown>>;
  /** What code reads of any row of a type, whatever the query selects (its visibility policy). */
  always: ReadonlyMap<string, readonly string[]>;
  /** What each field reads of rows of other types, by type name: its joins' `reads` and its `rows`. */
  rowReads: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
}

const plans = new WeakMap<GraphQLSchema, LoadingPlan>();

/** What reads every row of a type whatever is selected: a Node type's visibility policy. */
export type AlwaysReads = Record<string, { reads?: readonly string[] }>;

/** Reads the declarations of `schema` into its plan (once, at schema build). */
export function withLoading(schema: GraphQLSchema, policies: AlwaysReads): GraphQLSchema {
  const reads = new Map<string, readonly string[] | "row">();
  const joins = new Map<string, readonly Join[]>();
  const lists = new Map<string, LoaderDef<number, unknown>>();
  const rowReads = new Map<string, Map<string, readonly string[]>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const declared = field.extensions?.[LOADING] as FieldLoading | undefined;
      if (!declared) continue;
      const key = `${type.name}.${field.name}`;
      reads.set(key, declared.reads);
      if (declared.joins.length) joins.set(key, declared.joins);
      if (declared.list) lists.set(key, declared.list);
      const others = new Map<string, readonly string[]>();
      for (const r of [...declared.joins, ...declared.rows])
        if (r.reads.length) others.set(r.target.name, [...(others.get(r.target.name) ?? []), ...r.reads]);
      if (others.size) rowReads.set(key, others);
    }
  }
  const always = new Map<string, readonly string[]>();
  for (const [type, policy] of Object.entries(policies)) if (policy.reads?.length) always.set(type, policy.reads);
  plans.set(schema, { reads, joins, lists, always, rowReads });
  return schema;
}

const selectedReads = new WeakMap<Selection, ReadonlyMap<string, readonly string[]>>();

/**
 * What every row of each type is read with in this operation beyond what it selects of the type:
 * the policy's `reads`, and the `reads` of the rows that the selected fields join or load.
 */
export function rowReadsOf(schema: GraphQLSchema, fields: Selection): ReadonlyMap<string, readonly string[]> {
  let found = selectedReads.get(fields);
  if (found) return found;
  const plan = planOf(schema);
  const byType = new Map<string, readonly string[]>(plan.always);
  for (const [type, selected] of fields)
    for (const field of selected)
      for (const [target, reads] of plan.rowReads.get(`${type}.${field}`) ?? [])
        byType.set(target, [...(byType.get(target) ?? []), ...reads]);
  found = byType;
  selectedReads.set(fields, found);
  return found;
}

export function planOf(schema: GraphQLSchema): LoadingPlan {
  const plan = plans.get(schema);
  if (!plan) throw new Error("the schema was built without withLoading (graphql/schema.ts)");
  return plan;
}

/**
 * What is wrong with the declarations of `schema`: a field of an entity type that runs code and
 * declares nothing, a declared property that is no column, a join whose keys are no columns. Empty
 * when all is well; the app refuses to start otherwise (app.ts), and loading/__tests__ says which.
 */
export function loadingProblems(schema: GraphQLSchema, ds: DataSource): string[] {
  const plan = planOf(schema);
  const { plain } = fieldKinds(schema);
  const entities = new Map(ds.entityMetadatas.map((m) => [m.name, m]));
  const problems: string[] = [];
  const columns = (meta: EntityMetadata, properties: readonly string[] | "row", where: string) => {
    if (properties === "row") return;
    for (const p of properties)
      if (!meta.findColumnWithPropertyName(p)) problems.push(`${where}: ${meta.name}.${p} is not a column`);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const meta = entities.get(type.name);
    if (!meta) continue;
    for (const field of Object.values(type.getFields())) {
      const key = `${type.name}.${field.name}`;
      if (plain.has(key)) continue;
      const declared = field.extensions?.[LOADING] as FieldLoading | undefined;
      if (!declared) {
        problems.push(
          `${key} runs code and declares nothing it loads: add @Loads(${type.name}, …) (loading/README.md)`,
        );
        continue;
      }
      if (declared.root !== type.name) problems.push(`${key}: declared with @Loads(${declared.root}, …)`);
      columns(meta, declared.reads, key);
      for (const j of declared.joins) {
        const target = entities.get(j.target.name);
        if (!target) {
          problems.push(`${key}: joins ${j.target.name}, which is no entity`);
          continue;
        }
        columns(meta, [j.via], `${key} (join)`);
        columns(target, [j.on, ...j.reads], `${key} (join)`);
      }
      for (const r of declared.rows) {
        const target = entities.get(r.target.name);
        if (target) columns(target, r.reads, `${key} (rows)`);
        else problems.push(`${key}: reads rows of ${r.target.name}, which is no entity`);
      }
    }
  }
  for (const [type, properties] of plan.always) {
    const meta = entities.get(type);
    if (meta) columns(meta, properties, `${type}'s policy reads`);
  }
  return problems;
}

/** Throws, naming every problem, when the declarations of `schema` do not hold (app start). */
export function checkLoading(schema: GraphQLSchema, ds: DataSource): void {
  const problems = loadingProblems(schema, ds);
  if (problems.length) throw new Error(`loading declarations:\n  ${problems.join("\n  ")}`);
}
