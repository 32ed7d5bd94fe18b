import "reflect-metadata";
import pino from "pino";
import { TestApp } from "../../testing/harness";
import { startApp, type RunningApp } from "../../app";
import { generateDemoData } from "../../demo/demo-data";
import { User } from "../../modules/accounts/user.entity";
import { Cohort } from "../../modules/training/cohort.entity";
import { Trainee } from "../../modules/trainees/trainee.entity";
import { toGlobalId } from "../ids";

/** The bench's operations (scripts/bench/operations.ts) and the shapes around them that compile differently. */
const Q1 = `{ cohorts(first: 20) { edges { node { number course { title } enrollments(first: 50) { edges { node { status trainee { name enterprise { name honors { kind year } } } } } } } } } }`;
const Q4 = `{ me { trainee { enrollments(first: 20) { edges { node { status cohort { title } certificate { serial } } } } certificates { serial } } } }`;
const Q2 = `{ awardCycles(first: 5) { totalCount edges { cursor node { id title year phase quota openedAt program { name nomineeKind }
  nominations(first: 50) { totalCount edges { node { id nomineeName nomineeKind status source eligible createdAt
    judges { id scores { id } } trainee { name } enterprise { name } } } } } } } }`;
const Q3 = `{ honorRoll(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { node { __typename id name enterpriseName nomineeKind publishedAt
  cycle { title year } program { name } enterprise { name } certificate { serial } } } } }`;
const FRAGMENTS = `query($cohort: ID!, $with: Boolean!) {
  node(id: $cohort) { __typename id ...C ... on Course { title } }
  again: node(id: $cohort) { ... on Cohort { number @include(if: $with) title @skip(if: $with) } }
}
fragment C on Cohort { number title status course { __typename title } seats: capacity }`;
const M1 = `mutation Enroll($input: EnrollInput!) { enroll(input: $input) { enrollment { id status waitlistPosition } userErrors { code message } } }`;

interface Call {
  query: string;
  variables?: Record<string, unknown>;
  token?: string;
  lang?: string;
}

async function raw(url: string, call: Call): Promise<{ status: number; body: string; statements: string | null }> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(call.token ? { authorization: `Bearer ${call.token}` } : {}),
      ...(call.lang ? { "accept-language": call.lang } : {}),
    },
    body: JSON.stringify({ query: call.query, variables: call.variables }),
  });
  return { status: res.status, body: await res.text(), statements: res.headers.get("x-sql-statements") };
}

/**
 * The compiled executor (graphql/execution.ts, the default) against graphql-js's interpreter
 * (GRAPHQL_EXECUTOR=graphql-js), both serving the same database: every answer the same to the
 * byte, errors included, in the same number of statements.
 */
describe("compiled execution answers as graphql-js does", () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let interpreted: RunningApp;
  const tokens: Record<"staff" | "trainee", string> = { staff: "", trainee: "" };

  beforeAll(async () => {
    t = await TestApp.start();
    await generateDemoData(t.ds, t.config, pino({ level: "silent" }), { scale: 1 });
    interpreted = await startApp({ ...t.config, graphqlExecutor: "graphql-js" }, t.ds, pino({ level: "silent" }), 0);
    for (const [who, phone] of [
      ["staff", "13800000002"],
      ["trainee", "13800000004"],
    ] as const) {
      const user = await t.ds.getRepository(User).findOneByOrFail({ phone });
      tokens[who] = await t.signIn(user.id);
    }
  });
  afterAll(async () => {
    await interpreted?.stop();
    await t?.close();
  });

  async function same(call: Call): Promise<string> {
    const compiled = await raw(t.url, call);
    const reference = await raw(interpreted.url, call);
    expect(compiled.status).toBe(reference.status);
    expect(compiled.body).toBe(reference.body);
    expect(compiled.statements).toBe(reference.statements);
    return compiled.body;
  }

  it("answers the bench's reads (Q1–Q4) with the same bytes and statements", async () => {
    const q1 = await same({ query: Q1, token: tokens.staff });
    expect(JSON.parse(q1).data.cohorts.edges.length).toBeGreaterThan(0);
    expect(q1).toContain('"honors":[{');
    await same({ query: Q2, token: tokens.staff });
    await same({ query: Q3 });
    await same({ query: Q3, token: tokens.staff });
    const q4 = await same({ query: Q4, token: tokens.trainee });
    expect(JSON.parse(q4).data.me.trainee.enrollments.edges.length).toBeGreaterThan(0);
  });

  it("answers fragments, directives, aliases, __typename and interfaces alike", async () => {
    const cohort = await t.ds.getRepository(Cohort).findOneOrFail({ where: {}, order: { id: "ASC" } });
    for (const include of [true, false]) {
      const body = await same({
        query: FRAGMENTS,
        variables: { cohort: toGlobalId("Cohort", cohort.id), with: include },
        token: tokens.staff,
      });
      expect(JSON.parse(body).data.node.__typename).toBe("Cohort");
    }
  });

  it("reports errors alike: sign-in, hidden rows, nulls, bad variables, unknown operations", async () => {
    // No session: UNAUTHENTICATED at the field, in both languages.
    for (const lang of ["zh-CN", "en"]) await same({ query: `{ users(first: 3) { edges { node { name } } } }`, lang });
    // A trainee asks for another trainee's row and a staff list.
    const other = await t.ds.getRepository(Trainee).findOneOrFail({ where: {}, order: { id: "DESC" } });
    // (Asked apart: when a non-null root field fails, graphql-js answers without waiting for its
    // siblings' statements, which then go uncounted; the compiled plan waits for them.)
    await same({
      query: `query($id: ID!) { node(id: $id) { id ... on Trainee { name } } }`,
      variables: { id: toGlobalId("Trainee", other.id) },
      token: tokens.trainee,
    });
    await same({ query: `{ trainees(first: 2) { totalCount } }`, token: tokens.trainee });
    // An id of no row, an id that is no id.
    await same({ query: `{ node(id: "Q29ob3J0Ojk5OTk5OQ") { id } }`, token: tokens.staff });
    await same({ query: `{ node(id: "nonsense") { id } }`, token: tokens.staff });
    // Variables graphql-js refuses before executing anything: HTTP 400 and its message.
    await same({
      query: `query($n: Int!) { cohorts(first: $n) { totalCount } }`,
      variables: { n: "x" },
      token: tokens.staff,
    });
    await same({ query: `query($n: Int!) { cohorts(first: $n) { totalCount } }`, token: tokens.staff });
    await same({
      query: `query($f: CohortFilter) { cohorts(first: 2, filter: $f) { totalCount } }`,
      variables: { f: { nope: 1 } },
      token: tokens.staff,
    });
    // An argument out of range: BAD_USER_INPUT.
    await same({ query: `{ cohorts(first: 1000) { totalCount } }`, token: tokens.staff });
  });

  // M1 takes its input as a variable, an input object: graphql-js runs it on both sides
  // (execution.ts); written inline, the same mutation runs compiled.
  it.each([
    ["as a variable (M1)", (cohortId: string) => ({ query: M1, variables: { input: { cohortId } } })],
    [
      "inline",
      (cohortId: string) => ({
        query: M1.replace("($input: EnrollInput!)", "").replace("$input", `{ cohortId: "${cohortId}" }`),
      }),
    ],
  ])("enrolls alike with the input %s: the same payload, the same refusal the second time", async (_, call) => {
    const cohort = await t.ds.getRepository(Cohort).findOneOrFail({ where: { status: "OPEN" }, order: { id: "ASC" } });
    const request = call(toGlobalId("Cohort", cohort.id));
    const bodies: string[] = [];
    for (const url of [t.url, interpreted.url]) {
      const { token } = await t.user(["TRAINEE"], "报名学员");
      const first = await raw(url, { ...request, token });
      const again = await raw(url, { ...request, token });
      // The enrollment's own id differs; everything else is the same bytes.
      bodies.push(first.body.replace(/"id":"[^"]+"/, '"id":"…"'), again.body, String(first.statements));
    }
    expect(bodies.slice(0, 3)).toEqual(bodies.slice(3));
    expect(JSON.parse(bodies[0]).data.enroll.userErrors).toEqual([]);
    expect(JSON.parse(bodies[1]).data.enroll.userErrors.length).toBeGreaterThan(0);
  });

  it("coerces an input object's defaults as graphql-js does (such operations run there)", async () => {
    // `cohorts(filter: $f)` takes an input object: the variable's absent fields keep their defaults.
    await same({
      query: `query($f: CohortFilter) { cohorts(first: 3, filter: $f) { totalCount edges { node { number } } } }`,
      variables: { f: { status: "OPEN" } },
      token: tokens.staff,
    });
  });
});
