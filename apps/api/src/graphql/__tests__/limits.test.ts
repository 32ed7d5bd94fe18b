import "reflect-metadata";
import {
  Lexer,
  Source,
  TokenKind,
  execute,
  parse,
  type GraphQLError,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import type { GraphQLRequestContextExecutionDidStart, GraphQLRequestListener } from "@apollo/server";
import { TestApp, type TestUser } from "../../testing/harness";
import { MemoryCounterStore } from "../../common/store";
import { createChamber, createKey } from "../../modules/chambers/__tests__/fixtures";
import type { EntityManager } from "typeorm";
import { RequestContext, type AppServices } from "../context";
import { LIMITS, requestLimitsPlugin } from "../limits";
import { queryCost } from "../query-cost";
import { buildAppSchema } from "../schema";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

const cost = (query: string, variables = {}) => {
  const document = parse(query);
  return queryCost(schema, document, document.definitions[0] as OperationDefinitionNode, variables);
};

describe("query cost, GitHub's method", () => {
  it("counts GitHub's own example: 5,101 requests, 51 points, 305,100 nodes", () => {
    // GitHub's docs: 100 repositories × 50 issues × 60 labels; here 100 enterprises × 50 trainees × 60 enrollments.
    expect(
      cost(`{ enterprises(first: 100) { edges { node { trainees(first: 50) { edges { node {
        enrollments(first: 60) { edges { node { status } } } } } } } } } }`),
    ).toEqual({ requests: 5101, points: 51, nodes: 305_100 });
  });

  it("reads first from variables, defaults to 20, counts plain lists as 20, fragments, and nothing for introspection", () => {
    expect(cost(`query($n: Int) { enterprises(first: $n) { totalCount } }`, { n: 7 })).toMatchObject({ nodes: 7 });
    expect(cost(`{ enterprises { totalCount } }`)).toMatchObject({ nodes: 20, points: 1 });
    expect(
      cost(`{ cohorts(first: 10) { ...C } } fragment C on CohortConnection { edges { node { sessions { topic } } } }`),
    ).toEqual({ requests: 11, nodes: 10 + 200, points: 1 });
    expect(cost(`{ __schema { types { name fields { name } } } __typename }`)).toEqual({
      requests: 0,
      nodes: 0,
      points: 1,
    });
  });

  it("counts what runs: a variable's default, its value and the argument's coercion count like a literal", () => {
    const literal = cost(`{ enterprises(first: 100) { edges { node { trainees(first: 50) { totalCount } } } } }`);
    expect(literal).toEqual({ requests: 101, nodes: 5100, points: 1 });
    const viaVariables = `query($n: Int = 100, $m: Int) { enterprises(first: $n) { edges { node { trainees(first: $m) {
      totalCount } } } } }`;
    expect(cost(viaVariables, { m: 50 })).toEqual(literal);
    expect(cost(viaVariables, { n: 100, m: 50 })).toEqual(literal);
    // An explicit null is what runs: the resolver's default page.
    expect(cost(viaVariables, { n: null, m: 50 })).toMatchObject({ nodes: 20 + 20 * 50 });
    // Non-null variable with a default, and a variable nested in a fragment.
    expect(
      cost(`query($n: Int! = 100) { ...E } fragment E on Query { enterprises(first: $n) { totalCount } }`),
    ).toMatchObject({ nodes: 100 });
    // Variables that do not coerce stop the operation before anything runs.
    expect(cost(`query($n: Int!) { enterprises(first: $n) { totalCount } }`, { n: "many" })).toMatchObject({
      nodes: 20,
    });
  });
});

describe("the time limit", () => {
  const contextFor = () =>
    new RequestContext({ dataSource: {} } as AppServices, null, "en", "r1", "127.0.0.1", {} as EntityManager);

  it("lets fields resolve until the limit and stops them just past it", async () => {
    let clock = 1000;
    const plugin = requestLimitsPlugin({ store: new MemoryCounterStore(), timeoutMs: 10_000, now: () => clock });
    const listener = (await plugin.requestDidStart!({} as never)) as GraphQLRequestListener<RequestContext>;
    const ctx = contextFor();
    await listener.executionDidStart!({
      operation: parse(`{ statistics { cohorts } }`).definitions[0],
      contextValue: ctx,
    } as unknown as GraphQLRequestContextExecutionDidStart<RequestContext>);
    clock = 1000 + 10_000;
    expect(() => ctx.checkTimeLimit()).not.toThrow();
    clock = 1000 + 10_001;
    let error: GraphQLError | undefined;
    try {
      ctx.checkTimeLimit();
    } catch (e) {
      error = e as GraphQLError;
    }
    expect(error?.message).toBe("The request ran past the time limit of 10 seconds and was stopped");
    expect(error?.extensions).toMatchObject({ code: "REQUEST_TIMEOUT", timeoutMs: 10_000 });
  });

  it("lets a mutation run to its end: its change is made either way", async () => {
    const plugin = requestLimitsPlugin({ store: new MemoryCounterStore(), timeoutMs: 0, now: () => 1e9 });
    const listener = (await plugin.requestDidStart!({} as never)) as GraphQLRequestListener<RequestContext>;
    const ctx = contextFor();
    await listener.executionDidStart!({
      operation: parse(`mutation { logout(input: {}) { ok } }`).definitions[0],
      contextValue: ctx,
    } as unknown as GraphQLRequestContextExecutionDidStart<RequestContext>);
    expect(ctx.timeLimit).toBeNull();
    expect(() => ctx.checkTimeLimit()).not.toThrow();
  });

  it("stops a query's resolvers past the limit, in the real schema, while plain fields need no check", async () => {
    const ctx = contextFor();
    ctx.timeLimit = { deadline: 0, ms: 10_000, now: () => 1 };
    const result = await execute({ schema, document: parse(`{ statistics { cohorts } }`), contextValue: ctx });
    expect(result.errors?.[0].extensions).toMatchObject({ code: "REQUEST_TIMEOUT" });
    // Plain fields are read straight from their property (`id` from the globalId getter).
    const cohort = (schema.getType("Cohort") as GraphQLObjectType).getFields();
    expect(cohort.venue.resolve).toBeUndefined();
    expect(cohort.id.resolve?.({ globalId: "Q29ob3J0OjE" }, {}, ctx, {} as never)).toBe("Q29ob3J0OjE");
    expect(cohort.course.resolve).toBeDefined();
  });
});

describe("limits of the endpoint, each just below and just above", () => {
  let t: TestApp;
  let staff: TestUser;
  let trainee: TestUser;
  let key: string;
  beforeAll(async () => {
    t = await TestApp.start();
    const admin = await t.user(["ADMIN"]);
    staff = await t.user(["STAFF"]);
    trainee = await t.user(["TRAINEE"]);
    key = (await createKey(t, admin, await createChamber(t, admin, "重庆市广东商会"), ["MEMBERS_READ"])).secret;
  });
  afterAll(() => t.close());

  /**
   * enterprises { edges { node { … } } } is three levels; each trainee → enterprise step adds four
   * (trainees, edges, node, enterprise); the tail adds the rest.
   */
  function deepQuery(steps: number, tail: string): string {
    let inner = tail;
    for (let i = 0; i < steps; i++) inner = `trainees(first: 1) { edges { node { enterprise { ${inner} } } } }`;
    return `{ enterprises(first: 1) { edges { node { ${inner} } } } }`;
  }
  // 3 + 2 × 4 + 4 (trainees, edges, node, id) = 15; 3 + 3 × 4 + 1 (id) = 16.
  const depth15 = deepQuery(2, "trainees(first: 1) { edges { node { id } } }");
  const depth16 = deepQuery(3, "id");

  it("depth: 15 levels run, 16 are refused stating the limit", async () => {
    const ok = await t.gql(depth15, {}, { token: staff.token });
    expect(ok.errors).toBeUndefined();
    const deep = await t.gql(depth16, {}, { token: staff.token, lang: "en" });
    expect(deep.status).toBe(400);
    expect(deep.errors).toEqual([
      {
        message: "The query is nested 16 levels deep, above the limit of 15",
        extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "MAX_DEPTH", max: 15, found: 16 },
      },
    ]);
  });

  it("aliases: 15 run, 16 are refused", async () => {
    const aliased = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: statistics { cohorts }`).join(" ")} }`;
    expect((await t.gql(aliased(15))).errors).toBeUndefined();
    const many = await t.gql(aliased(16));
    expect(many.status).toBe(400);
    expect(many.errors?.[0]).toMatchObject({
      message: "查询使用了 16 个别名，超过 15 个的上限",
      extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "MAX_ALIASES", max: 15, found: 16 },
    });
  });

  it("directives: 50 run, 51 are refused", async () => {
    const directed = (n: number) => `{ ${"__typename @include(if: true) ".repeat(n)}}`;
    expect((await t.gql(directed(50))).errors).toBeUndefined();
    const many = await t.gql(directed(51), {}, { lang: "en" });
    expect(many.errors?.[0]).toMatchObject({
      message: "The query uses 51 directives, above the limit of 50",
      extensions: { limit: "MAX_DIRECTIVES", max: 50, found: 51 },
    });
  });

  it("tokens: 1,000 are parsed, 1,001 are refused before parsing", async () => {
    const admin = await t.user(["ADMIN"]);
    const mutation = (ids: number) =>
      `mutation { addChamberMembers(input: { chamberId: "x", enterpriseIds: [${'"e" '.repeat(ids)}] }) { userErrors { code } } }`;
    const count = (text: string) => {
      const lexer = new Lexer(new Source(text));
      let n = 0;
      while (lexer.advance().kind !== TokenKind.EOF) n++;
      return n;
    };
    const base = count(mutation(0));
    const fits = mutation(LIMITS.maxTokens - base);
    expect(count(fits)).toBe(1000);
    const parsed = await t.gql(fits, {}, { token: admin.token });
    expect(parsed.errors).toBeUndefined();
    expect(parsed.data.addChamberMembers.userErrors[0].code).toBe("TOO_MANY_ITEMS");
    const long = await t.gql(mutation(LIMITS.maxTokens - base + 1), {}, { token: admin.token, lang: "en" });
    expect(long.status).toBe(400);
    expect(long.errors).toEqual([
      {
        message: "The query text has more than 1000 tokens, the limit",
        extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "MAX_TOKENS", max: 1000 },
      },
    ]);
  });

  it("body: 100 kB are read, one byte more is refused with 413", async () => {
    const body = (bytes: number) => {
      const shell = JSON.stringify({ query: "{ __typename }", variables: { pad: "" } });
      return JSON.stringify({ query: "{ __typename }", variables: { pad: "x".repeat(bytes - shell.length) } });
    };
    const post = (text: string) =>
      fetch(`${t.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: text });
    const fits = await post(body(LIMITS.maxBodyBytes));
    expect(fits.status).toBe(200);
    expect(await fits.json()).toEqual({ data: { __typename: "Query" } });
    const over = await post(body(LIMITS.maxBodyBytes + 1));
    expect(over.status).toBe(413);
    expect(await over.json()).toEqual({
      errors: [{ message: "请求体超过 100 kB 的上限", extensions: { code: "PAYLOAD_TOO_LARGE", max: 102_400 } }],
    });
  });

  it("nodes: a query that may return 500,000 nodes runs, 500,001 is refused before it runs", async () => {
    const big = `{ enterprises(first: 50) { edges { node { trainees(first: 99) { edges { node {
      enrollments(first: 100) { totalCount } } } } } } } }`;
    expect(cost(big).nodes).toBe(500_000);
    expect((await t.gql(big, {}, { token: staff.token })).errors).toBeUndefined();
    const over = big.replace(/^\{/, "{ courses(first: 1) { totalCount }");
    const res = await t.gql(over, {}, { token: staff.token, lang: "en" });
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([
      {
        message:
          "This query may return up to 500001 nodes, above the limit of 500000 per query; lower first or split the query",
        extensions: { code: "QUERY_TOO_LARGE", max: 500_000, found: 500_001 },
      },
    ]);
    expect(res.data).toBeUndefined();
  });

  it("nodes and budget count a variable's default and value like a literal", async () => {
    const shape = (first: string) => `{ courses(first: 1) { totalCount } enterprises(first: 50) { edges { node {
      trainees(first: ${first}) { edges { node { enrollments(first: 100) { totalCount } } } } } } } }`;
    const literal = shape("99");
    const withDefault = `query($n: Int = 99) ${shape("$n")}`;
    const withValue = `query($n: Int) ${shape("$n")}`;
    const refusals = [
      await t.gql(literal, {}, { token: staff.token, lang: "en" }),
      await t.gql(withDefault, {}, { token: staff.token, lang: "en" }),
      await t.gql(withValue, { n: 99 }, { token: staff.token, lang: "en" }),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(400);
      expect(res.errors?.map((e) => e.extensions)).toEqual([{ code: "QUERY_TOO_LARGE", max: 500_000, found: 500_001 }]);
      expect(res.data).toBeUndefined();
    }

    const admin = await t.user(["ADMIN"]);
    const partner = await createKey(t, admin, await createChamber(t, admin, "重庆市福建商会"), ["PUBLIC_READ"]);
    // 1 + 100 + 100 lists to fill: 201 requests, 2 points, whichever way `first` arrives.
    const twoPoints = (first: string) =>
      `{ enterprises(first: ${first}) { edges { node { honors { kind } socialResponsibilityRecords { year } } } } }`;
    const a = await t.gql(twoPoints("100"), {}, { token: partner.secret });
    const b = await t.gql(`query($n: Int = 100) ${twoPoints("$n")}`, {}, { token: partner.secret });
    const c = await t.gql(`query($n: Int) ${twoPoints("$n")}`, { n: 100 }, { token: partner.secret });
    expect([a, b, c].map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect([a, b, c].map((r) => r.extensions?.rateLimit)).toMatchObject([
      { cost: 2, used: 2, nodeCount: 4100 },
      { cost: 2, used: 4, nodeCount: 4100 },
      { cost: 2, used: 6, nodeCount: 4100 },
    ]);
  });

  it("hourly budget: reported GitHub-style; a query over what is left is refused with the reset time, a cheaper one runs", async () => {
    const admin = await t.user(["ADMIN"]);
    const small = await createKey(t, admin, await createChamber(t, admin, "重庆市山东商会"), ["PUBLIC_READ"], {
      hourlyBudget: 3,
    });
    // 1 + 100 + 100 lists to fill: 201 requests, 2 points.
    const twoPoints = `{ enterprises(first: 100) { edges { node { honors { kind } socialResponsibilityRecords { year } } } } }`;
    const onePoint = `{ statistics { cohorts } }`;
    expect(cost(twoPoints).points).toBe(2);

    const first = await t.gql(twoPoints, {}, { token: small.secret });
    expect(first.errors).toBeUndefined();
    expect(first.extensions?.rateLimit).toMatchObject({ limit: 3, cost: 2, used: 2, remaining: 1, nodeCount: 4100 });
    const reset = Number(first.headers.get("x-ratelimit-reset"));
    expect(reset).toBeGreaterThan(Date.now() / 1000 + 3500);
    expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 3600);
    expect(
      Object.fromEntries(
        ["limit", "remaining", "used", "resource"].map((h) => [h, first.headers.get(`x-ratelimit-${h}`)]),
      ),
    ).toEqual({
      limit: "3",
      remaining: "1",
      used: "2",
      resource: "graphql",
    });

    const over = await t.gql(twoPoints, {}, { token: small.secret, lang: "en" });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(3500);
    expect(over.headers.get("x-ratelimit-remaining")).toBe("1");
    expect(over.errors?.[0].message).toMatch(
      /^The hourly API budget does not cover this query: limit 3 points, this query costs 2, 1 remain; the budget resets at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/,
    );
    expect(over.errors?.[0].extensions).toMatchObject({ code: "RATE_LIMITED", limit: 3, cost: 2, remaining: 1 });
    expect(over.data).toBeUndefined();

    const last = await t.gql(onePoint, {}, { token: small.secret });
    expect(last.errors).toBeUndefined();
    expect(last.extensions?.rateLimit).toMatchObject({ used: 3, remaining: 0 });
    const none = await t.gql(onePoint, {}, { token: small.secret });
    expect(none.status).toBe(429);
    expect(none.errors?.[0].extensions?.code).toBe("RATE_LIMITED");
    // Users are not charged: the budget is the keys'.
    expect((await t.gql(onePoint, {}, { token: staff.token })).extensions?.rateLimit).toBeUndefined();
  });

  it("introspection: for staff and keys; visitors and trainees are told where the schema is", async () => {
    const introspect = `{ __schema { queryType { name } } }`;
    const anonymous = await t.gql(introspect);
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0]).toMatchObject({
      message: "仅登录的工作人员和合作商会 API 密钥可以内省 schema；完整 schema 见 GET /schema.graphql",
      extensions: { code: "UNAUTHENTICATED" },
    });
    const byTrainee = await t.gql(`{ __type(name: "Chamber") { name } }`, {}, { token: trainee.token });
    expect(byTrainee.status).toBe(403);
    expect(byTrainee.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await t.ok(introspect, {}, { token: staff.token })).__schema.queryType.name).toBe("Query");
    expect((await t.ok(introspect, {}, { token: key })).__schema.queryType.name).toBe("Query");
    expect((await t.ok(`{ __typename }`)).__typename).toBe("Query");

    const file = await fetch(`${t.url}/schema.graphql`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await file.text()).toContain("createApiKey(input: CreateApiKeyInput!): CreateApiKeyPayload!");
  });

  it("gives no 'did you mean' hints for fields, arguments or enum values", async () => {
    const field = await t.gql(`{ statistcs { cohorts } }`, {}, { lang: "en" });
    expect(field.errors?.[0].message).toBe('Cannot query field "statistcs" on type "Query".');
    const value = await t.gql(
      `{ chambers(first: 1, filter: { regionKind: DOMESTC }) { totalCount } }`,
      {},
      {
        token: staff.token,
      },
    );
    expect(value.errors?.[0].message).toBe('Value "DOMESTC" does not exist in "ChamberRegionKind" enum.');
  });

  it("keeps CSRF prevention on for keys too", async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent("{ myChamber { name } }")}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(res.status).toBe(400);
  });
});
