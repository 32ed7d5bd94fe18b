import "reflect-metadata";
import { PassThrough } from "node:stream";
import { GraphQLError } from "graphql";
import { TestApp } from "../../testing/harness";
import { errorScopePlugin, formatError } from "../format-error";
import { requestScope, withStatementCount, type StatementCounting } from "../../db/query-stats";
import { fromGlobalId, localId, toGlobalId } from "../ids";
import { Enterprise } from "../../modules/enterprises/enterprise.entity";

describe("global IDs", () => {
  it("round-trip and refuse anything else", () => {
    const id = toGlobalId("Cohort", 41);
    expect(id).not.toContain("Cohort");
    expect(fromGlobalId(id)).toEqual({ type: "Cohort", id: 41 });
    expect(localId(id, "Cohort")).toBe(41);
    expect(localId(id, "Trainee")).toBeNull();
    for (const bad of [
      "",
      "!!!",
      toGlobalId("Cohort", "x"),
      toGlobalId("Cohort", -1),
      Buffer.from("Cohort").toString("base64url"),
    ]) {
      expect(fromGlobalId(bad)).toBeNull();
    }
  });
});

describe("internal faults are masked", () => {
  it("hides the message, SQL and stack, and keeps the request id, in the reader's language", async () => {
    const fault = new GraphQLError("SQLITE_ERROR: no such column: trainee.id_card_hash in SELECT * FROM trainee", {
      originalError: new Error("SQLITE_ERROR: no such column"),
    });
    const logged: unknown[] = [];
    const log = { error: (entry: unknown) => logged.push(entry) };
    const listener = await errorScopePlugin().requestDidStart!({
      contextValue: { locale: "en", requestId: "req-1", log },
    } as never);
    await listener!.didEncounterErrors!({ errors: [fault] } as never);
    const formatted = formatError(
      { message: fault.message, extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["at x"] } },
      fault,
    );
    expect(formatted).toEqual({
      message: "Internal server error, please try again later",
      extensions: { code: "INTERNAL", requestId: "req-1" },
    });
    expect(logged).toEqual([expect.objectContaining({ requestId: "req-1" })]);
    // An error of no known request: masked all the same, in Chinese.
    const stray = new GraphQLError("boom");
    expect(formatError({ message: "boom", extensions: {} }, stray)).toMatchObject({
      message: "服务器内部错误，请稍后再试",
      extensions: { code: "INTERNAL" },
    });
  });
});

describe("an internal fault through the whole server", () => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on("data", (chunk: Buffer) => lines.push(...chunk.toString().split("\n").filter(Boolean)));
    t = await TestApp.start({}, stream);
  });
  afterAll(() => t.close());

  it("answers INTERNAL in the caller's language with the request id that the error log line carries", async () => {
    // A table gone from under the server: the statement fails the way a real fault would.
    await t.ds.query("DROP TABLE enterprise_honor");
    const staff = await t.user(["STAFF"]);
    await t.ds.getRepository(Enterprise).save({ name: "重庆故障测试有限公司", creditCode: "91500109MA5U000009" });
    const res = await t.gql(
      `{ enterprises(first: 1) { edges { node { honors { kind } } } } }`,
      {},
      {
        token: staff.token,
        lang: "en",
      },
    );
    const error = res.errors![0];
    expect(error.message).toBe("Internal server error, please try again later");
    expect(JSON.stringify(res)).not.toMatch(/enterprise_honor|SQLITE|ER_NO_SUCH_TABLE/);
    const requestId = (error.extensions as { requestId: string }).requestId;
    expect(requestId).toEqual(expect.any(String));
    expect(lines.some((l) => l.includes('"internal error"') && l.includes(requestId))).toBe(true);
  });
});

describe("the HTTP process", () => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on("data", (chunk: Buffer) => lines.push(...chunk.toString().split("\n").filter(Boolean)));
    t = await TestApp.start({}, stream);
  });
  afterAll(() => t.close());

  it("answers /healthz and /readyz", async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("answers GET queries and refuses GET mutations and CSRF-prone requests", async () => {
    const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent("{ me { id } }")}`, {
      headers: { "apollo-require-preflight": "1" },
    });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { me: null } });
    const simple = await fetch(`${t.url}/graphql?query=${encodeURIComponent("{ me { id } }")}`);
    expect(simple.status).toBe(400);
    const mutation = await fetch(
      `${t.url}/graphql?query=${encodeURIComponent("mutation { logout(input: {}) { ok } }")}`,
      {
        headers: { "apollo-require-preflight": "1" },
      },
    );
    expect(mutation.status).toBe(405);
  });

  it("refuses batched requests", async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: "{ me { id } }" }, { query: "{ me { id } }" }]),
    });
    expect(res.status).toBe(400);
  });

  it("an unknown token is UNAUTHENTICATED with HTTP 401", async () => {
    const res = await t.gql(`{ me { id } }`, {}, { token: "not-a-token" });
    expect(res.status).toBe(401);
    expect(res.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("writes no personal data into log lines, even at debug level", async () => {
    const phone = t.nextPhone();
    const password = "Sup3rSecretPw";
    const idCard = "11010519491231002X";
    const phoneCode = await t.phoneCode(phone, "REGISTER");
    const reg = await t.ok(
      `mutation($i: RegisterTraineeInput!) { registerTrainee(input: $i) { token userErrors { code } } }`,
      { i: { name: "隐私测试", phone, password, idCardNumber: idCard, phoneCode } },
      { headers: { "x-request-id": "privacy-check" } },
    );
    expect(reg.registerTrainee.userErrors).toEqual([]);
    await t.ok(`{ me { phone trainee { idCardNumber } } }`, {}, { token: reg.registerTrainee.token });
    await t.gql(`mutation($i: LoginInput!) { login(input: $i) { token } }`, {
      i: { phone, password: "wrong-password-1" },
    });
    const text = lines.join("\n");
    expect(lines.length).toBeGreaterThan(5);
    expect(text).toContain("privacy-check");
    for (const secret of [phone, password, idCard, reg.registerTrainee.token, "wrong-password-1", phoneCode])
      expect(text).not.toContain(secret);
  });
});

describe("counting a request's statements", () => {
  const run = (mode: StatementCounting, header?: string) => {
    let end = () => {};
    const inside = withStatementCount(
      mode,
      header,
      (e) => (end = e),
      () => requestScope.getStore(),
    );
    return { inside, end };
  };

  it("counts every request outside production, none when off, and in production only those that ask", () => {
    expect(run("always").inside).toEqual({ statements: 0 });
    expect(run("off", "count").inside).toBeUndefined();
    expect(run("asked").inside).toBeUndefined();
    const asked = run("asked", "count");
    expect(asked.inside).toEqual({ statements: 0 });
    asked.end();
    // Its end turns the scope off (with it the promise hooks, when no other counted request runs).
    expect(requestScope.getStore()).toBeUndefined();
  });
});
