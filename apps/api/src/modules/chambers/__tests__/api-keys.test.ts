import "reflect-metadata";
import { createHash } from "node:crypto";
import { TestApp, type TestUser } from "../../../testing/harness";
import { localId, toGlobalId } from "../../../graphql/ids";
import { AuditEntry } from "../../audit/audit-entry.entity";
import { Chamber } from "../chamber.entity";
import { ApiKey } from "../api-key.entity";
import { AwardNomination } from "../../awards/award-nomination.entity";
import { createCycle, createProgram } from "../../awards/__tests__/fixtures";
import { CREATE_KEY, bearer, createChamber, createKey, enterprises, traineeWithRecord } from "./fixtures";

const ROTATE = `mutation($i: RotateApiKeyInput!) { rotateApiKey(input: $i) { secret apiKey { id prefix scopes status } previousApiKey { id status expiresAt revokedAt } userErrors { code field message } } }`;
const REVOKE = `mutation($i: RevokeApiKeyInput!) { revokeApiKey(input: $i) { apiKey { id status revokedAt } userErrors { code field message } } }`;
const MY_CHAMBER = `{ myChamber { name } }`;

let t: TestApp;
let admin: TestUser;
let staff: TestUser;
let chamber: string;
beforeAll(async () => {
  t = await TestApp.start();
  admin = await t.user(["ADMIN"]);
  staff = await t.user(["STAFF"]);
  chamber = await createChamber(t, admin, "重庆市浙江商会");
});
afterAll(() => t.close());

const keyRow = (id: string) => t.ds.getRepository(ApiKey).findOneByOrFail({ id: localId(id, "ApiKey")! });

describe("createApiKey", () => {
  it("shows the secret once and stores only its SHA-256, with a visible prefix", async () => {
    const res = await t.ok(
      CREATE_KEY,
      { i: { chamberId: chamber, scopes: ["PUBLIC_READ", "MEMBERS_READ"], label: "会员管理系统" } },
      { token: admin.token },
    );
    const { secret, apiKey, userErrors } = res.createApiKey;
    expect(userErrors).toEqual([]);
    expect(secret).toMatch(/^zfk_[0-9A-Za-z]{43}$/);
    expect(apiKey).toMatchObject({
      prefix: secret.slice(0, 12),
      scopes: ["PUBLIC_READ", "MEMBERS_READ"],
      status: "ACTIVE",
      hourlyBudget: 5000,
      label: "会员管理系统",
    });
    const days = (Date.parse(apiKey.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(364.9);
    expect(days).toBeLessThanOrEqual(365);
    const row = await keyRow(apiKey.id);
    expect(row.secretHash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(secret.slice(12));
    const audits = await t.ds.getRepository(AuditEntry).findBy({ action: "apiKey.create", subjectId: row.id });
    expect(audits).toHaveLength(1);
    expect(audits[0].details).not.toContain(secret.slice(12));
    // The payload of any later read carries no secret.
    const later = await t.ok(
      `query($id: ID!) { node(id: $id) { ... on ApiKey { prefix status } } }`,
      { id: apiKey.id },
      {
        token: admin.token,
      },
    );
    expect(later.node).toEqual({ prefix: apiKey.prefix, status: "ACTIVE" });
  });

  it("refuses missing scopes, an expiry or budget out of range and unknown chambers; creates nothing", async () => {
    const before = await t.count(ApiKey);
    const bad = await t.ok(
      CREATE_KEY,
      { i: { chamberId: chamber, scopes: [], expiresInDays: 367, hourlyBudget: 10_001 } },
      { token: admin.token },
    );
    expect(bad.createApiKey.secret).toBeNull();
    expect(bad.createApiKey.userErrors.map((e: { code: string; field: string[] }) => [e.code, e.field[1]])).toEqual([
      ["SCOPES_REQUIRED", "scopes"],
      ["OUT_OF_RANGE", "expiresInDays"],
      ["OUT_OF_RANGE", "hourlyBudget"],
    ]);
    const unknown = await t.ok(
      CREATE_KEY,
      { i: { chamberId: toGlobalId("Chamber", 99999), scopes: ["PUBLIC_READ"] } },
      { token: admin.token },
    );
    expect(unknown.createApiKey.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: ["input", "chamberId"] });
    const limits = await t.ok(
      CREATE_KEY,
      { i: { chamberId: chamber, scopes: ["PUBLIC_READ"], expiresInDays: 366, hourlyBudget: 10_000 } },
      { token: admin.token },
    );
    expect(limits.createApiKey.userErrors).toEqual([]);
    expect(await t.count(ApiKey)).toBe(before + 1);
  });

  it("is for admins only; a key cannot make keys", async () => {
    const key = await createKey(t, admin, chamber, ["PUBLIC_READ"]);
    const before = await t.count(ApiKey);
    const input = { i: { chamberId: chamber, scopes: ["PUBLIC_READ"] } };
    expect((await t.gql(CREATE_KEY, input)).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect((await t.gql(CREATE_KEY, input, { token: staff.token })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const byKey = await t.gql(CREATE_KEY, input, bearer(key.secret));
    expect(byKey.status).toBe(403);
    expect(byKey.errors?.[0]).toMatchObject({
      message:
        "API 密钥不能调用 createApiKey：密钥只能推荐提名（需要 NOMINATIONS_WRITE 权限范围）或代会员企业反映问题（需要 PROBLEMS_WRITE 权限范围）",
      extensions: { code: "FORBIDDEN" },
    });
    expect(await t.count(ApiKey)).toBe(before);
  });
});

describe("authenticating with a key", () => {
  it("answers as the key's chamber, with no user", async () => {
    const key = await createKey(t, admin, chamber, ["PUBLIC_READ"]);
    const res = await t.ok(`{ me { id } myChamber { name } }`, {}, bearer(key.secret));
    expect(res).toEqual({ me: null, myChamber: { name: "重庆市浙江商会" } });
    expect((await t.ok(MY_CHAMBER, {}, { token: staff.token })).myChamber).toBeNull();
  });

  it("refuses unknown, revoked and expired keys with UNAUTHENTICATED saying why", async () => {
    const unknown = await t.gql(MY_CHAMBER, {}, bearer("zfk_" + "A".repeat(43)));
    expect(unknown.status).toBe(401);
    expect(unknown.errors?.[0]).toMatchObject({
      message: "API 密钥无效：请检查 Authorization 请求头",
      extensions: { code: "UNAUTHENTICATED", reason: "API_KEY_INVALID" },
    });

    const revoked = await createKey(t, admin, chamber, ["PUBLIC_READ"]);
    await t.ok(REVOKE, { i: { apiKeyId: revoked.id } }, { token: admin.token });
    const refused = await t.gql(MY_CHAMBER, {}, { ...bearer(revoked.secret), lang: "en" });
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "API_KEY_REVOKED" });
    expect(refused.errors?.[0].message).toMatch(
      /^This API key was revoked at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00; ask the Institute's administrator/,
    );

    const expired = await createKey(t, admin, chamber, ["PUBLIC_READ"], { expiresInDays: 1 });
    await t.ds.getRepository(ApiKey).update(localId(expired.id, "ApiKey")!, { expiresAt: new Date(Date.now() - 1000) });
    const old = await t.gql(MY_CHAMBER, {}, bearer(expired.secret));
    expect(old.status).toBe(401);
    expect(old.errors?.[0].extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "API_KEY_EXPIRED" });
    expect(old.errors?.[0].message).toMatch(/^该 API 密钥已于 .+ 过期/);
  });

  it("records the last use at most once a minute", async () => {
    const key = await createKey(t, admin, chamber, ["PUBLIC_READ"]);
    expect((await keyRow(key.id)).lastUsedAt).toBeNull();
    await t.ok(MY_CHAMBER, {}, bearer(key.secret));
    const first = (await keyRow(key.id)).lastUsedAt!;
    expect(first).toBeInstanceOf(Date);
    await t.ok(MY_CHAMBER, {}, bearer(key.secret));
    expect((await keyRow(key.id)).lastUsedAt).toEqual(first);
    const twoMinutesAgo = new Date(first.getTime() - 120_000);
    await t.ds.getRepository(ApiKey).update(localId(key.id, "ApiKey")!, { lastUsedAt: twoMinutesAgo });
    await t.ok(MY_CHAMBER, {}, bearer(key.secret));
    expect((await keyRow(key.id)).lastUsedAt!.getTime()).toBeGreaterThan(twoMinutesAgo.getTime() + 60_000);
  });
});

describe("rotateApiKey and revokeApiKey", () => {
  it("rotates at once: the new secret works with the same scopes, the old one is refused", async () => {
    const old = await createKey(t, admin, chamber, ["PUBLIC_READ", "MEMBERS_READ"], { hourlyBudget: 1200 });
    const res = await t.ok(ROTATE, { i: { apiKeyId: old.id } }, { token: admin.token });
    const rotated = res.rotateApiKey;
    expect(rotated.userErrors).toEqual([]);
    expect(rotated.secret).not.toBe(old.secret);
    expect(rotated.apiKey).toMatchObject({ scopes: ["PUBLIC_READ", "MEMBERS_READ"], status: "ACTIVE" });
    expect(rotated.previousApiKey).toMatchObject({ id: old.id, status: "REVOKED" });
    expect((await keyRow(rotated.apiKey.id)).hourlyBudget).toBe(1200);
    expect((await t.gql(MY_CHAMBER, {}, bearer(old.secret))).errors?.[0].extensions?.reason).toBe("API_KEY_REVOKED");
    expect((await t.ok(MY_CHAMBER, {}, bearer(rotated.secret))).myChamber.name).toBe("重庆市浙江商会");
    expect(await t.count(AuditEntry, { action: "apiKey.rotate", subjectId: localId(old.id, "ApiKey")! })).toBe(1);
  });

  it("keeps the old key working until the overlap ends", async () => {
    const old = await createKey(t, admin, chamber, ["PUBLIC_READ"]);
    const res = await t.ok(ROTATE, { i: { apiKeyId: old.id, overlapHours: 2 } }, { token: admin.token });
    expect(res.rotateApiKey.previousApiKey.status).toBe("ACTIVE");
    const hours = (Date.parse(res.rotateApiKey.previousApiKey.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(1.9);
    expect(hours).toBeLessThanOrEqual(2);
    expect((await t.ok(MY_CHAMBER, {}, bearer(old.secret))).myChamber.name).toBe("重庆市浙江商会");
    expect((await t.ok(MY_CHAMBER, {}, bearer(res.rotateApiKey.secret))).myChamber.name).toBe("重庆市浙江商会");
  });

  it("refuses an overlap out of range, inactive keys and unknown ids, changing nothing", async () => {
    const key = await createKey(t, admin, chamber, ["PUBLIC_READ"]);
    const before = await t.count(ApiKey);
    const far = await t.ok(ROTATE, { i: { apiKeyId: key.id, overlapHours: 169 } }, { token: admin.token });
    expect(far.rotateApiKey.userErrors[0]).toMatchObject({ code: "OUT_OF_RANGE", field: ["input", "overlapHours"] });
    const unknown = await t.ok(REVOKE, { i: { apiKeyId: toGlobalId("ApiKey", 99999) } }, { token: admin.token });
    expect(unknown.revokeApiKey.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: ["input", "apiKeyId"] });
    expect((await t.ok(REVOKE, { i: { apiKeyId: key.id } }, { token: admin.token })).revokeApiKey.apiKey.status).toBe(
      "REVOKED",
    );
    const again = await t.ok(REVOKE, { i: { apiKeyId: key.id } }, { token: admin.token, lang: "en" });
    expect(again.revokeApiKey.userErrors[0]).toMatchObject({
      code: "API_KEY_NOT_ACTIVE",
      message: "This API key is no longer active (REVOKED)",
    });
    const rotateRevoked = await t.ok(ROTATE, { i: { apiKeyId: key.id } }, { token: admin.token });
    expect(rotateRevoked.rotateApiKey.userErrors[0].code).toBe("API_KEY_NOT_ACTIVE");
    expect(await t.count(ApiKey)).toBe(before);
  });

  it("is for admins only", async () => {
    const key = await createKey(t, admin, chamber, ["PUBLIC_READ"]);
    const before = await t.count(ApiKey);
    expect(
      (await t.gql(REVOKE, { i: { apiKeyId: key.id } }, { token: staff.token })).errors?.[0].extensions?.code,
    ).toBe("FORBIDDEN");
    expect((await t.gql(ROTATE, { i: { apiKeyId: key.id } })).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const self = await t.gql(REVOKE, { i: { apiKeyId: key.id } }, bearer(key.secret));
    expect(self.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await keyRow(key.id)).revokedAt).toBeNull();
    expect(await t.count(ApiKey)).toBe(before);
  });
});

describe("what a key sees", () => {
  let own: Awaited<ReturnType<typeof traineeWithRecord>>;
  let foreign: Awaited<ReturnType<typeof traineeWithRecord>>;
  let members: string;
  let publicOnly: string;
  let nominateOnly: string;
  let otherChamber: string;
  let outsider: number;

  beforeAll(async () => {
    const [m1, m2, o] = await enterprises(t, 3, "成员企业");
    outsider = o.id;
    const mine = await createChamber(t, admin, "重庆市福建商会", [m1.id, m2.id]);
    otherChamber = await createChamber(t, admin, "重庆市江苏商会", [o.id]);
    own = await traineeWithRecord(t, m1.id, "林会员");
    foreign = await traineeWithRecord(t, o.id, "张外人");
    members = (await createKey(t, admin, mine, ["MEMBERS_READ"])).secret;
    publicOnly = (await createKey(t, admin, mine, ["PUBLIC_READ"])).secret;
    nominateOnly = (await createKey(t, admin, mine, ["NOMINATIONS_WRITE"])).secret;
  });

  it("MEMBERS_READ: its members' trainees with their training records, phones and ID numbers masked", async () => {
    const res = await t.ok(
      `{ myChamber { memberCount members(first: 10) { edges { node { name trainees(first: 10) { edges { node {
          name phone idCardNumber enterprise { name }
          enrollments(first: 5) { edges { node { status cohort { title } certificate { serial verificationCode } } } }
          certificates { serial } awards { year } } } } } } } } }`,
      {},
      bearer(members),
    );
    const [withPeople, empty] = res.myChamber.members.edges.map((e: { node: unknown }) => e.node);
    expect(res.myChamber.memberCount).toBe(2);
    expect(empty.trainees.edges).toEqual([]);
    const person = withPeople.trainees.edges[0].node;
    expect(person).toMatchObject({
      name: "林会员",
      phone: `${own.phone.slice(0, 3)}****${own.phone.slice(-4)}`,
      idCardNumber: `${own.idCard.slice(0, 6)}********${own.idCard.slice(-4)}`,
      enrollments: {
        edges: [
          {
            node: {
              status: "COMPLETED",
              cohort: { title: expect.stringMatching(/ 第1期$/) },
              certificate: { verificationCode: null },
            },
          },
        ],
      },
    });
    expect(person.certificates).toHaveLength(1);
    expect(person.awards).toEqual([]);
    expect(JSON.stringify(res)).not.toContain(own.phone);
    expect(JSON.stringify(res)).not.toContain(own.idCard);

    const unmasked = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on Trainee { idCardNumber(unmasked: true) } } }`,
      { id: own.trainee },
      bearer(members),
    );
    expect(unmasked.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(JSON.stringify(unmasked)).not.toContain(own.idCard);
  });

  it("MEMBERS_READ: anything outside its members answers as if it did not exist", async () => {
    for (const id of [foreign.trainee, foreign.enrollment, foreign.certificate, otherChamber]) {
      const res = await t.ok(`query($id: ID!) { node(id: $id) { id } }`, { id }, bearer(members));
      expect(res.node).toBeNull();
    }
    for (const id of [own.trainee, own.enrollment, own.certificate]) {
      const res = await t.ok(`query($id: ID!) { node(id: $id) { id } }`, { id }, bearer(members));
      expect(res.node).toEqual({ id });
    }
    const all = await t.ok(`{ trainees(first: 100) { totalCount edges { node { name } } } }`, {}, bearer(members));
    expect(all.trainees).toEqual({ totalCount: 1, edges: [{ node: { name: "林会员" } }] });
    // No confirming a phone number by searching for it.
    const byPhone = await t.ok(
      `query($s: String) { trainees(first: 5, filter: { search: $s }) { totalCount } }`,
      {
        s: own.phone,
      },
      bearer(members),
    );
    expect(byPhone.trainees.totalCount).toBe(0);
    // The outsider enterprise is public business data, its people and memberships are not the key's.
    const enterprise = await t.ok(
      `query($id: ID!) { node(id: $id) { ... on Enterprise { name trainees(first: 5) { totalCount } chambers { name } } } }`,
      { id: toGlobalId("Enterprise", outsider) },
      bearer(members),
    );
    expect(enterprise.node).toEqual({
      name: expect.stringMatching(/^成员企业/),
      trainees: { totalCount: 0 },
      chambers: [],
    });
  });

  it("PUBLIC_READ: public data only; member data is refused naming the scope", async () => {
    expect((await t.ok(`{ statistics { cohorts partnerChambers } }`, {}, bearer(publicOnly))).statistics).toBeTruthy();
    const res = await t.gql(
      `{ myChamber { name members(first: 5) { totalCount } } }`,
      {},
      { ...bearer(publicOnly), lang: "en" },
    );
    expect(res.data.myChamber).toBeNull();
    expect(res.errors?.[0]).toMatchObject({
      message: "This API key does not have the MEMBERS_READ scope",
      extensions: { code: "FORBIDDEN", requiredScope: "MEMBERS_READ" },
    });
    expect(
      (await t.gql(`{ trainees(first: 5) { totalCount } }`, {}, bearer(publicOnly))).errors?.[0].extensions?.code,
    ).toBe("FORBIDDEN");
    expect(
      (await t.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: own.trainee }, bearer(publicOnly))).node,
    ).toBeNull();
  });

  it("NOMINATIONS_WRITE alone reads nothing; staff and admin queries are refused to every key", async () => {
    const read = await t.gql(`{ statistics { cohorts } }`, {}, bearer(nominateOnly));
    expect(read.status).toBe(403);
    expect(read.errors?.[0]).toMatchObject({
      message: "该 API 密钥没有 PUBLIC_READ 权限范围",
      extensions: { code: "FORBIDDEN", requiredScope: "PUBLIC_READ" },
    });
    for (const query of [
      `{ users(first: 1) { totalCount } }`,
      `{ auditEntries(first: 1) { totalCount } }`,
      `{ chambers(first: 1) { totalCount } }`,
    ]) {
      expect((await t.gql(query, {}, bearer(members))).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
  });

  it("opens no mutation to a key, not even those open to visitors", async () => {
    const before = await t.count(Chamber);
    for (const mutation of [
      `mutation { login(input: { phone: "13800000001", password: "zuofu-demo" }) { token } }`,
      `mutation { createChamber(input: { name: "密钥商会", regionKind: DOMESTIC, city: "重庆", partnerSince: "2020-01-01" }) { chamber { id } } }`,
      `mutation { enroll(input: { cohortId: "x" }) { userErrors { code } } }`,
    ]) {
      const res = await t.gql(mutation, {}, bearer(members));
      expect(res.status).toBe(403);
      expect(res.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(res.data).toBeUndefined();
    }
    expect(await t.count(Chamber)).toBe(before);
  });
});

describe("recommendNominee", () => {
  const RECOMMEND = `mutation($i: RecommendNomineeInput!) { recommendNominee(input: $i) { nomination { id status source nomineeName } userErrors { code field message } } }`;
  let cycle: string;
  let member: number;
  let outsider: number;
  let nominator: string;
  let reader: string;

  beforeAll(async () => {
    const [m, o] = await enterprises(t, 2, "推荐企业");
    member = m.id;
    outsider = o.id;
    const mine = await createChamber(t, admin, "重庆市湖北商会", [member]);
    nominator = (await createKey(t, admin, mine, ["NOMINATIONS_WRITE"])).secret;
    reader = (await createKey(t, admin, mine, ["MEMBERS_READ"])).secret;
    const program = await createProgram(t, staff, "卢作孚光彩奖", "ENTERPRISE");
    cycle = (await createCycle(t, staff, program, { year: 2026, phase: "NOMINATING" })).id;
  });

  const input = (enterpriseId: number, justification = "积极参与万企帮万村行动。") => ({
    i: { cycleId: cycle, nomineeId: toGlobalId("Enterprise", enterpriseId), justification },
  });

  it("lets a key with NOMINATIONS_WRITE recommend a member enterprise, recorded as the chamber's", async () => {
    const res = await t.ok(RECOMMEND, input(member), bearer(nominator));
    expect(res.recommendNominee).toMatchObject({
      userErrors: [],
      nomination: { status: "ACTIVE", source: "CHAMBER", nomineeName: expect.stringMatching(/^推荐企业/) },
    });
    const row = await t.ds
      .getRepository(AwardNomination)
      .findOneByOrFail({ id: localId(res.recommendNominee.nomination.id, "AwardNomination")! });
    const chamberRow = await t.ds.getRepository(Chamber).findOneByOrFail({ name: "重庆市湖北商会" });
    expect(row).toMatchObject({ enterpriseId: member, nominatedByChamberId: chamberRow.id, nominatedByUserId: null });
    const again = await t.ok(RECOMMEND, input(member), bearer(nominator));
    expect(again.recommendNominee.userErrors[0]).toMatchObject({
      code: "ALREADY_NOMINATED",
      field: ["input", "nomineeId"],
    });
    expect(await t.count(AwardNomination, { enterpriseId: member })).toBe(1);
  });

  it("answers NOT_FOUND for anyone outside the chamber's members, and checks the input", async () => {
    const outside = await t.ok(RECOMMEND, input(outsider), bearer(nominator));
    expect(outside.recommendNominee.userErrors).toEqual([
      expect.objectContaining({ code: "NOT_FOUND", field: ["input", "nomineeId"] }),
    ]);
    const empty = await t.ok(RECOMMEND, input(member, " "), bearer(nominator));
    expect(empty.recommendNominee.userErrors[0]).toMatchObject({ code: "REQUIRED", field: ["input", "justification"] });
    expect(await t.count(AwardNomination, { enterpriseId: outsider })).toBe(0);
  });

  it("needs the NOMINATIONS_WRITE scope and a key", async () => {
    const [other] = await enterprises(t, 1, "无权企业");
    const withoutScope = await t.gql(RECOMMEND, input(other.id), { ...bearer(reader), lang: "en" });
    expect(withoutScope.status).toBe(403);
    expect(withoutScope.errors?.[0]).toMatchObject({
      message: "This API key does not have the NOMINATIONS_WRITE scope",
      extensions: { code: "FORBIDDEN", requiredScope: "NOMINATIONS_WRITE" },
    });
    expect((await t.gql(RECOMMEND, input(other.id), { token: staff.token })).errors?.[0].extensions?.code).toBe(
      "FORBIDDEN",
    );
    expect((await t.gql(RECOMMEND, input(other.id))).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(await t.count(AwardNomination, { enterpriseId: other.id })).toBe(0);
  });
});
