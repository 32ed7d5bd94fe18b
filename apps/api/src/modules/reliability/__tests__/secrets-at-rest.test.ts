import "reflect-metadata";
import { Writable } from "node:stream";
import { TestApp, type TestUser } from "../../../testing/harness";
import { isMysql } from "../../../db/dialect";
import { createChamber } from "../../chambers/__tests__/fixtures";
import { IdempotencyKey } from "../idempotency-key.entity";

const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { token user { id } userErrors { code } } }`;
const REGISTER = `mutation($i: RegisterTraineeInput!) { registerTrainee(input: $i) { token user { id } userErrors { code } } }`;
const CREATE_KEY = `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { id } userErrors { code } } }`;
const CREATE_FEED = `mutation($i: CreateCalendarFeedInput!) { createCalendarFeed(input: $i) { path userErrors { code } } }`;
const EXPORT_URL = `mutation($i: CreateExportUrlInput!) { createExportUrl(input: $i) { url userErrors { code } } }`;

/** A secret as it may be written down: as issued, and its base64 and hex forms (of the text and, for base64url tokens, of the bytes). */
function formsOf(secret: string): string[] {
  const forms = [secret, Buffer.from(secret).toString("base64"), Buffer.from(secret).toString("hex")];
  if (/^[A-Za-z0-9_-]{16,}$/.test(secret)) {
    const bytes = Buffer.from(secret, "base64url");
    forms.push(bytes.toString("hex"), bytes.toString("base64").replace(/=+$/, ""));
  }
  return forms;
}

/** Every value of every row of every table the database holds, as text (binary columns in three encodings). */
async function everyStoredValue(t: TestApp): Promise<{ tables: string[]; text: Map<string, string> }> {
  const mysql = isMysql(t.ds);
  const names: string[] = mysql
    ? (await t.ds.query("SHOW TABLES")).map((row: Record<string, string>) => Object.values(row)[0])
    : (await t.ds.query("SELECT name FROM sqlite_master WHERE type = 'table'")).map(
        (row: { name: string }) => row.name,
      );
  const text = new Map<string, string>();
  for (const name of names) {
    const rows: Record<string, unknown>[] = await t.ds.query(`SELECT * FROM ${mysql ? `\`${name}\`` : `"${name}"`}`);
    const values = rows.flatMap((row) =>
      Object.values(row).map((v) =>
        Buffer.isBuffer(v) ? [v.toString("utf8"), v.toString("hex"), v.toString("base64")].join(" ") : String(v),
      ),
    );
    text.set(name, values.join("\n"));
  }
  return { tables: names, text };
}

describe("no usable secret at rest: database, audit log and logs", () => {
  let t: TestApp;
  const lines: string[] = [];
  let admin: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    t = await TestApp.start({}, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    admin = await t.user(["ADMIN"]);
    staff = await t.user(["STAFF"]);
  });
  afterAll(() => t.close());

  it("issues each kind of secret through the endpoint with an Idempotency-Key; none is found in any table or log line", async () => {
    const key = (name: string) => ({ headers: { "idempotency-key": `secrets-${name}` } });
    const secrets: Record<string, string> = {};
    /** Runs a mutation twice with one key: the replay must give the same caller the same secret. */
    const issue = async (name: string, query: string, input: object, token?: string) => {
      const first = await t.gql(query, { i: input }, { token, ...key(name) });
      expect(first.errors).toBeUndefined();
      const again = await t.gql(query, { i: input }, { token, ...key(name) });
      expect(again.headers.get("idempotent-replayed")).toBe("true");
      expect(again.data).toEqual(first.data);
      return Object.values(first.data)[0] as Record<string, string> & { userErrors: unknown[] };
    };

    const password = "a-password-of-13";
    const member = await t.user(["TRAINEE"], "王建国", password);
    const login = await issue("login", LOGIN, { phone: member.phone, password });
    expect(login.userErrors).toEqual([]);
    secrets.loginToken = login.token;
    secrets.password = password;

    const phone = t.nextPhone();
    const registered = await issue("register", REGISTER, {
      name: "李明",
      phone,
      password: "another-password-1",
      phoneCode: await t.phoneCode(phone, "REGISTER"),
    });
    expect(registered.userErrors).toEqual([]);
    secrets.registerToken = registered.token;

    const chamberId = await createChamber(t, admin, "重庆市浙江商会");
    const apiKey = await issue("api-key", CREATE_KEY, { chamberId, scopes: ["PUBLIC_READ"] }, admin.token);
    expect(apiKey.userErrors).toEqual([]);
    secrets.apiKey = apiKey.secret;

    const feed = await issue("calendar", CREATE_FEED, { reminderMinutes: 30 }, secrets.registerToken);
    expect(feed.userErrors).toEqual([]);
    secrets.calendarLink = feed.path;
    secrets.calendarToken = /^\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(feed.path)![1];

    const exported = await issue("export", EXPORT_URL, { kind: "STATISTICS", format: "CSV" }, staff.token);
    expect(exported.userErrors).toEqual([]);
    secrets.exportLink = exported.url;
    secrets.exportSignature = new URL(exported.url, t.url).searchParams.get("sig")!;

    // Each secret is used as its holder would, so that the access log sees it go by.
    expect((await t.gql(`{ me { id } }`, {}, { token: secrets.loginToken })).data.me).not.toBeNull();
    expect((await t.gql(`{ statistics { cohorts } }`, {}, { token: secrets.apiKey })).errors).toBeUndefined();
    expect((await fetch(`${t.url}${secrets.calendarLink}`)).status).toBe(200);
    expect((await fetch(`${t.url}${secrets.exportLink}`)).status).toBe(200);
    // A client that sends a cookie and puts secrets in its variables: neither is written down.
    await t.gql(
      `query($token: String, $phoneCode: String) { me { id } }`,
      { token: secrets.loginToken, phoneCode: "123456" },
      {
        headers: { cookie: `session=${secrets.loginToken}` },
      },
    );

    expect(await t.count(IdempotencyKey)).toBe(5);
    const { tables, text } = await everyStoredValue(t);
    // Every table the entities describe is read, so a new one is covered without touching this test.
    expect(tables).toEqual(expect.arrayContaining(t.ds.entityMetadatas.map((m) => m.tableName)));
    const log = lines.join("");
    expect(log).toContain('"path":"/graphql"');
    const found: string[] = [];
    for (const [name, secret] of Object.entries(secrets)) {
      for (const form of formsOf(secret)) {
        for (const [table, values] of text) if (values.includes(form)) found.push(`${name} in table ${table}`);
        if (log.includes(form)) found.push(`${name} in the log`);
      }
    }
    expect(found).toEqual([]);
  });

  it("opens a stored answer only for the caller it was given to", async () => {
    const other = await t.user(["ADMIN"]);
    const chamberId = await createChamber(t, admin, "重庆市江苏商会");
    const input = { i: { chamberId, scopes: ["PUBLIC_READ"] } };
    const first = await t.gql(CREATE_KEY, input, { token: admin.token, headers: { "idempotency-key": "moved" } });
    expect(first.data.createApiKey.secret).toEqual(expect.any(String));
    // Someone with write access to the table moves the answer to another caller's scope.
    await t.ds
      .getRepository(IdempotencyKey)
      .update({ scope: `user:${admin.userId}`, clientKey: "moved" }, { scope: `user:${other.userId}` });
    const stolen = await t.gql(CREATE_KEY, input, { token: other.token, headers: { "idempotency-key": "moved" } });
    expect(stolen.status).toBe(409);
    expect(stolen.errors?.map((e) => e.extensions?.code)).toEqual(["IDEMPOTENCY_REPLAY_UNAVAILABLE"]);
    expect(JSON.stringify(stolen)).not.toContain(first.data.createApiKey.secret);
  });
});
