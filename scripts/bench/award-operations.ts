/**
 * Q2 and Q3 read the awards module, which is being built beside the bench. Their queries are
 * composed from schema.graphql (the contract) when the types are there: every plain field a
 * node offers, one statement per level; otherwise they are reported as not built yet.
 */
import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
  validate,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { noErrors } from "./load-runner";
import type { PreparedOperation, Skipped } from "./operations";

export type GqlCall = (
  query: string,
  variables: Record<string, unknown>,
  token?: string,
) => Promise<{ data?: Record<string, unknown> | null; errors?: { message: string; path?: (string | number)[] }[] }>;

const NOT_BUILT = "skipped: not built yet";
const PAGE = 50;

type AnyField = GraphQLField<unknown, unknown>;

const callable = (field: AnyField) => field.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined);

/** The node type of a Relay connection type, or null when `type` is not one. */
function connectionNode(type: GraphQLObjectType): GraphQLObjectType | null {
  const edges = type.getFields().edges;
  const edge = edges && getNamedType(edges.type);
  const node = edge && isObjectType(edge) ? edge.getFields().node : undefined;
  const named = node && getNamedType(node.type);
  return named && isObjectType(named) ? named : null;
}

/** What a field yields per item: its object type, and whether it is a connection. */
function itemsOf(field: AnyField): { type: GraphQLObjectType; connection: boolean } | null {
  const named = getNamedType(field.type);
  if (!isObjectType(named)) return null;
  const node = connectionNode(named);
  return node ? { type: node, connection: true } : { type: named, connection: false };
}

function leaves(type: GraphQLObjectType, excluded: Set<string>): string[] {
  return Object.values(type.getFields())
    .filter((f) => callable(f) && isLeafType(getNamedType(f.type)) && !excluded.has(f.name))
    .map((f) => f.name);
}

/** Plain fields, and the plain fields of each single related object (no lists: they would be levels). */
function flatSelection(type: GraphQLObjectType, excluded: Set<string>): string {
  const parts = leaves(type, excluded);
  for (const f of Object.values(type.getFields())) {
    const named = getNamedType(f.type);
    if (!callable(f) || excluded.has(f.name) || !isObjectType(named) || String(f.type).includes("[")) continue;
    if (connectionNode(named)) continue;
    const inner = leaves(named, excluded);
    if (inner.length) parts.push(`${f.name} { ${inner.join(" ")} }`);
  }
  return parts.join(" ");
}

/** `name(first: 50) { edges { node { … } } }` or `name { … }`. */
function listSelection(field: AnyField, connection: boolean, inner: string): string {
  const args = field.args.some((a) => a.name === "first") ? `(first: ${PAGE})` : "";
  return connection ? `${field.name}${args} { edges { node { ${inner} } } }` : `${field.name}${args} { ${inner} }`;
}

function findList(type: GraphQLObjectType, pattern: RegExp) {
  for (const field of Object.values(type.getFields())) {
    const items = itemsOf(field);
    if (items && callable(field) && pattern.test(items.type.name) && String(field.type).includes("[")) {
      return { field, ...items };
    }
    if (items?.connection && callable(field) && pattern.test(items.type.name)) return { field, ...items };
  }
  return null;
}

/** Runs `build` until the server answers without errors, dropping each field it refuses to this viewer. */
async function settle(
  schema: GraphQLSchema,
  build: (excluded: Set<string>) => string,
  variables: Record<string, unknown>,
  call: GqlCall,
  token?: string,
): Promise<{ query: string; excluded: Set<string> }> {
  const excluded = new Set<string>();
  for (let attempt = 0; attempt < 6; attempt++) {
    const query = build(excluded);
    const invalid = validate(schema, parse(query));
    if (invalid.length) throw new Error(`composed query is invalid: ${invalid[0].message}`);
    const res = await call(query, variables, token);
    if (!res.errors?.length) return { query, excluded };
    const refused = res.errors.map((e) => e.path?.filter((p) => typeof p === "string").at(-1));
    if (refused.some((name) => !name || excluded.has(name as string)))
      throw new Error(`the server refused it: ${res.errors[0].message}`);
    for (const name of refused) excluded.add(name as string);
  }
  throw new Error("the server kept refusing fields");
}

/** `honorRoll(first: N, filter: { year: $year }) { … }` for a connection or a plain list. */
function rollQuery(
  field: AnyField,
  connection: boolean,
  inner: string,
  first: number,
  yearType: string | null,
): string {
  const args = [
    field.args.some((a) => a.name === "first") ? `first: ${first}` : "",
    yearType ? "filter: { year: $year }" : "",
  ].filter(Boolean);
  const params = yearType ? `($year: ${yearType})` : "";
  const body = connection ? `edges { node { ${inner} } }` : inner;
  return `query Q3${params} { ${field.name}${args.length ? `(${args.join(", ")})` : ""} { ${body} } }`;
}

async function honorRoll(schema: GraphQLSchema, call: GqlCall): Promise<PreparedOperation | Skipped> {
  const title = `honorRoll(first: ${PAGE}) for one year (public)`;
  const field = schema.getQueryType()?.getFields().honorRoll;
  const items = field && itemsOf(field);
  if (!field || !items) return { id: "Q3", title, skipped: `${NOT_BUILT} (no honorRoll query in schema.graphql)` };
  const filterType = field.args.find((a) => a.name === "filter")?.type;
  const filterInput = filterType && getNamedType(filterType);
  const yearField = filterInput && isInputObjectType(filterInput) ? filterInput.getFields().year : undefined;
  const yearType = yearField ? String(yearField.type).replace(/!$/, "") : null;

  // The year of the newest entry on the roll: "one year" with winners in it.
  let year = new Date().getFullYear() - 1;
  const nodeYear = items.type.getFields().year;
  if (yearType && nodeYear && isLeafType(getNamedType(nodeYear.type))) {
    const probe = await call(rollQuery(field, items.connection, "year", 1, null), {});
    const roll = probe.data?.[field.name] as
      { edges?: { node: { year?: number } }[] } | { year?: number }[] | undefined;
    const newest = Array.isArray(roll) ? roll[0] : roll?.edges?.[0]?.node;
    year = newest?.year ?? year;
  }
  const variables = yearType ? { year } : {};
  try {
    const { query, excluded } = await settle(
      schema,
      (excluded) => rollQuery(field, items.connection, flatSelection(items.type, excluded), PAGE, yearType),
      variables,
      call,
    );
    return {
      id: "Q3",
      title: `${title}: ${year}`,
      // The roll, and the single objects each entry names (program, nominee) at the level below.
      levels: flatSelection(items.type, excluded).includes("{") ? 2 : 1,
      request: { body: JSON.stringify({ query, variables }), check: noErrors },
      writes: false,
    };
  } catch (err) {
    return { id: "Q3", title, skipped: `skipped: ${(err as Error).message}` };
  }
}

type Step = NonNullable<ReturnType<typeof findList>>;

/** The lists that lead from `type` to a type named like `pattern`: directly, or through one list between. */
function findPath(type: GraphQLObjectType, pattern: RegExp): Step[] | null {
  const direct = findList(type, pattern);
  if (direct) return [direct];
  for (const field of Object.values(type.getFields())) {
    const items = itemsOf(field);
    if (!items || !callable(field) || !(items.connection || String(field.type).includes("["))) continue;
    const next = findList(items.type, pattern);
    if (next) return [{ field, ...items }, next];
  }
  return null;
}

/** Each step's plain fields, and the next step's list inside it. */
function pathSelection(path: Step[], excluded: Set<string>): string {
  return path.reduceRight(
    (inner, step) => listSelection(step.field, step.connection, `${leaves(step.type, excluded).join(" ")} ${inner}`),
    "",
  );
}

async function cycleWithScores(
  schema: GraphQLSchema,
  call: GqlCall,
  staffToken: string,
): Promise<PreparedOperation | Skipped> {
  const title = `an award cycle › nominations(first: ${PAGE}) › their scores (staff)`;
  const cycle = schema.getType("AwardCycle");
  if (!cycle || !isObjectType(cycle)) return { id: "Q2", title, skipped: `${NOT_BUILT} (no AwardCycle type)` };
  const nominations = findList(cycle, /Nomination$/);
  const scores = nominations && findPath(nominations.type, /Score$/);
  const listing = findList(schema.getQueryType()!, /^AwardCycle$/);
  if (!nominations || !scores || !listing) {
    return { id: "Q2", title, skipped: `${NOT_BUILT} (no cycle list, nominations or scores in schema.graphql)` };
  }
  // The cycle being judged has nominations with scores; published ones may have only winners.
  const phase = cycle.getFields().phase ? "phase" : "";
  const probe = await call(
    `query Cycles { ${listSelection(listing.field, listing.connection, `id ${phase}`)} }`,
    {},
    staffToken,
  );
  const raw = probe.data?.[listing.field.name] as { edges?: { node: Cycle }[] } | Cycle[] | undefined;
  const cycles: Cycle[] = Array.isArray(raw) ? raw : (raw?.edges?.map((e) => e.node) ?? []);
  const chosen = cycles.find((c) => c.phase === "JUDGING") ?? cycles.find((c) => c.phase === "DECIDED") ?? cycles[0];
  if (!chosen) return { id: "Q2", title, skipped: "skipped: no award cycle in the demo data" };
  const path = [nominations, ...scores];
  const build = (excluded: Set<string>) =>
    `query Q2($id: ID!) { node(id: $id) { ... on AwardCycle { ${leaves(cycle, excluded).join(" ")} ${pathSelection(path, excluded)} } } }`;
  try {
    const { query } = await settle(schema, build, { id: chosen.id }, call, staffToken);
    return {
      id: "Q2",
      title: `${title}: the ${chosen.phase ?? ""} cycle`,
      // The cycle, then one level per list on the way to the scores.
      levels: 1 + path.length,
      request: { body: JSON.stringify({ query, variables: { id: chosen.id } }), token: staffToken, check: noErrors },
      writes: false,
    };
  } catch (err) {
    return { id: "Q2", title, skipped: `skipped: ${(err as Error).message}` };
  }
}

interface Cycle {
  id: string;
  phase?: string;
}

/** Q2 and Q3 as the current schema allows them, in that order. */
export async function awardOperations(
  schemaSdl: string,
  call: GqlCall,
  staffToken: string,
): Promise<(PreparedOperation | Skipped)[]> {
  const schema = buildSchema(schemaSdl);
  return [await cycleWithScores(schema, call, staffToken), await honorRoll(schema, call)];
}
