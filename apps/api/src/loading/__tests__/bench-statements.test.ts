import { printSchema } from "graphql";
import pino from "pino";
import { TestApp } from "../../testing/harness";
import { generateDemoData } from "../../demo/demo-data";
import { buildAppSchema } from "../../graphql/schema";
import { User } from "../../modules/accounts/user.entity";
import { D1, D2, Q1, Q4, M1 } from "../../../../../scripts/bench/operations";
import { awardOperations, type GqlCall } from "../../../../../scripts/bench/award-operations";
import { createEnrollFixture, type BenchDatabase } from "../../../../../scripts/bench/bench-database";

/**
 * The statements each of the bench's operations costs per request (scripts/bench/operations.ts),
 * on the demo data the bench runs on: none may grow. Lower a level here when a change brings it
 * down (loading/README.md). Q2 is composed from the schema as the bench composes it: with the
 * judges' `weightedScore` (their cycle's criteria) it costs 5. M1 costs two more on SQLite, whose
 * seat-taking goes without `SELECT … FOR UPDATE`.
 */
const LEVELS = { Q1: 5, Q2: 5, Q3: 1, Q4: 3, D1: 3, D2: 13, M1: process.env.TEST_DATABASE_URL ? 8 : 10 };

jest.setTimeout(180_000);

let t: TestApp;
let staff: string;
let trainee: string;

const byPhone = async (phone: string) => (await t.ds.getRepository(User).findOneByOrFail({ phone })).id;

const call: GqlCall = async (query, variables, token) => {
  const res = await t.gql(query, variables, { token });
  return { data: res.data, errors: res.errors };
};

/** The statements one request costs, the session's lookup included (the `x-sql-statements` header). */
async function statements(body: { query: string; variables?: Record<string, unknown> }, token?: string) {
  const res = await t.gql(body.query, body.variables, { token });
  expect(res.errors).toBeUndefined();
  return Number(res.headers.get("x-sql-statements"));
}

beforeAll(async () => {
  t = await TestApp.start();
  await generateDemoData(t.ds, t.config, pino({ level: "silent" }), { scale: 1 });
  staff = await t.signIn(await byPhone("13800000002"));
  trainee = await t.signIn(await byPhone("13800000004"));
});
afterAll(() => t?.close());

describe("the bench's operations", () => {
  it("Q1, the cohorts with their rosters, trainees, employers and honors, stays at its level", async () => {
    expect(await statements({ query: Q1 }, staff)).toBeLessThanOrEqual(LEVELS.Q1);
  });

  it("Q2 and Q3, a cycle's nominations with their scores and the honor roll, stay at theirs", async () => {
    const counts: Record<string, number> = {};
    for (const op of await awardOperations(printSchema(await buildAppSchema()), call, staff)) {
      if ("skipped" in op) throw new Error(`${op.id}: ${op.skipped}`);
      const body = JSON.parse(op.request.body) as { query: string; variables?: Record<string, unknown> };
      const token = typeof op.request.token === "function" ? op.request.token() : op.request.token;
      counts[op.id] = await statements(body, token);
    }
    expect(Object.keys(counts)).toEqual(["Q2", "Q3"]);
    expect(counts.Q2).toBeLessThanOrEqual(LEVELS.Q2);
    expect(counts.Q3).toBeLessThanOrEqual(LEVELS.Q3);
  });

  it("Q4, a trainee's own record, stays at its level", async () => {
    expect(await statements({ query: Q4 }, trainee)).toBeLessThanOrEqual(LEVELS.Q4);
  });

  it("D1 and D2, the desk's queue and its figures over three years of problems, stay at theirs", async () => {
    expect(await statements({ query: D1 }, staff)).toBeLessThanOrEqual(LEVELS.D1);
    expect(await statements({ query: D2 }, staff)).toBeLessThanOrEqual(LEVELS.D2);
  });

  it("M1, an enrollment, stays at its level", async () => {
    // The bench's own setting: an open AUTO cohort and a trainee signed in for it.
    const fixture = await createEnrollFixture({ ds: t.ds, config: t.config } as BenchDatabase, 1);
    const body = { query: M1, variables: { input: { cohortId: fixture.cohortGlobalId } } };
    expect(await statements(body, fixture.tokens[0])).toBeLessThanOrEqual(LEVELS.M1);
  });
});
