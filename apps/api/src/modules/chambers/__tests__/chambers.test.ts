import "reflect-metadata";
import { TestApp, type TestUser } from "../../../testing/harness";
import { localId, toGlobalId } from "../../../graphql/ids";
import { AuditEntry } from "../../audit/audit-entry.entity";
import { Chamber } from "../chamber.entity";
import { ChamberMembership } from "../chamber-membership.entity";
import { ADD_MEMBERS, CREATE_CHAMBER, REMOVE_MEMBERS, createChamber, enterprises } from "./fixtures";

const UPDATE = `mutation($i: UpdateChamberInput!) { updateChamber(input: $i) { chamber { id name city contact regionKind } userErrors { code field message } } }`;
const LIST = `query($f: ChamberFilter, $after: String) { chambers(first: 2, after: $after, filter: $f) { totalCount edges { node { name regionKind memberCount } } pageInfo { hasNextPage endCursor } } }`;

let t: TestApp;
let admin: TestUser;
let staff: TestUser;
let trainee: TestUser;
beforeAll(async () => {
  t = await TestApp.start();
  admin = await t.user(["ADMIN"]);
  staff = await t.user(["STAFF"]);
  trainee = await t.user(["TRAINEE"]);
});
afterAll(() => t.close());

describe("createChamber and updateChamber", () => {
  it("registers a chamber with its region kind, and audits it", async () => {
    const res = await t.ok(
      CREATE_CHAMBER,
      {
        i: {
          name: "中国—东盟商会",
          regionKind: "BELT_AND_ROAD",
          city: "雅加达",
          partnerSince: "2019-09-12",
          contact: "秘书长 王芳 +62 21 5555 0101",
        },
      },
      { token: admin.token },
    );
    expect(res.createChamber).toMatchObject({
      userErrors: [],
      chamber: { name: "中国—东盟商会", regionKind: "BELT_AND_ROAD", city: "雅加达", partnerSince: "2019-09-12" },
    });
    const id = localId(res.createChamber.chamber.id, "Chamber")!;
    expect(await t.count(Chamber, { id, regionKind: "BELT_AND_ROAD" })).toBe(1);
    expect(await t.count(AuditEntry, { action: "chamber.create", subjectId: id })).toBe(1);
  });

  it("refuses bad input with every error at once and creates nothing", async () => {
    const before = await t.count(Chamber);
    const res = await t.ok(
      CREATE_CHAMBER,
      { i: { name: " ", regionKind: "DOMESTIC", city: "", partnerSince: "2020-02-30" } },
      { token: admin.token, lang: "en" },
    );
    expect(res.createChamber.chamber).toBeNull();
    expect(res.createChamber.userErrors).toEqual([
      { code: "REQUIRED", field: ["input", "name"], message: "Name is required" },
      { code: "REQUIRED", field: ["input", "city"], message: "City is required" },
      { code: "INVALID_VALUE", field: ["input", "partnerSince"], message: "Partner since is not valid" },
    ]);
    const long = await t.ok(
      CREATE_CHAMBER,
      {
        i: {
          name: "长联系人商会",
          regionKind: "DOMESTIC",
          city: "重庆",
          partnerSince: "2020-02-01",
          contact: "x".repeat(201),
        },
      },
      { token: admin.token },
    );
    expect(long.createChamber.userErrors).toEqual([
      { code: "TOO_LONG", field: ["input", "contact"], message: "联系方式不能超过200个字符" },
    ]);
    expect(await t.count(Chamber)).toBe(before);
  });

  it("refuses a second chamber of the same name, also on update", async () => {
    await createChamber(t, admin, "重庆市浙江商会");
    const other = await createChamber(t, admin, "重庆市福建商会");
    const twice = await t.ok(
      CREATE_CHAMBER,
      { i: { name: "重庆市浙江商会", regionKind: "DOMESTIC", city: "重庆", partnerSince: "2021-01-01" } },
      { token: admin.token },
    );
    expect(twice.createChamber.userErrors).toEqual([
      expect.objectContaining({ code: "CHAMBER_NAME_TAKEN", field: ["input", "name"], message: "已有同名商会" }),
    ]);
    const renamed = await t.ok(UPDATE, { i: { chamberId: other, name: "重庆市浙江商会" } }, { token: admin.token });
    expect(renamed.updateChamber.userErrors[0].code).toBe("CHAMBER_NAME_TAKEN");
    expect(await t.count(Chamber, { name: "重庆市浙江商会" })).toBe(1);
    expect(await t.count(Chamber, { name: "重庆市福建商会" })).toBe(1);
  });

  it("updates the fields given and leaves the others", async () => {
    const id = await createChamber(t, admin, "香港重庆总会");
    const res = await t.ok(
      UPDATE,
      { i: { chamberId: id, regionKind: "HK_MACAO_TAIWAN", city: "香港", contact: "秘书处 +852 2555 0000" } },
      { token: admin.token },
    );
    expect(res.updateChamber).toMatchObject({
      userErrors: [],
      chamber: { name: "香港重庆总会", regionKind: "HK_MACAO_TAIWAN", city: "香港", contact: "秘书处 +852 2555 0000" },
    });
    const unknown = await t.ok(
      UPDATE,
      { i: { chamberId: toGlobalId("Chamber", 99999), city: "x" } },
      {
        token: admin.token,
      },
    );
    expect(unknown.updateChamber.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: ["input", "chamberId"] });
  });

  it("is for admins only", async () => {
    const input = { i: { name: "越权商会", regionKind: "DOMESTIC", city: "重庆", partnerSince: "2020-01-01" } };
    expect((await t.gql(CREATE_CHAMBER, input)).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect((await t.gql(CREATE_CHAMBER, input, { token: staff.token })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await t.gql(CREATE_CHAMBER, input, { token: trainee.token })).errors?.[0].extensions?.code).toBe(
      "FORBIDDEN",
    );
    expect(await t.count(Chamber, { name: "越权商会" })).toBe(0);
  });
});

describe("members", () => {
  it("adds and removes member enterprises, all or none", async () => {
    const [a, b, c] = await enterprises(t, 3);
    const id = await createChamber(t, admin, "北碚区工商联");
    const chamberId = localId(id, "Chamber")!;
    const gids = [a, b].map((e) => toGlobalId("Enterprise", e.id));
    const added = await t.ok(ADD_MEMBERS, { i: { chamberId: id, enterpriseIds: gids } }, { token: admin.token });
    expect(added.addChamberMembers).toMatchObject({ userErrors: [], chamber: { memberCount: 2 } });

    // One known member and one unknown enterprise: two errors, and c is not added either.
    const bad = await t.ok(
      ADD_MEMBERS,
      {
        i: {
          chamberId: id,
          enterpriseIds: [toGlobalId("Enterprise", c.id), gids[0], toGlobalId("Enterprise", 999999), "garbage"],
        },
      },
      { token: admin.token, lang: "en" },
    );
    expect(bad.addChamberMembers.userErrors).toEqual([
      { code: "ALREADY_MEMBER", field: ["input", "enterpriseIds", "1"], message: expect.stringContaining("already") },
      { code: "NOT_FOUND", field: ["input", "enterpriseIds", "2"], message: "No such Enterprises" },
      { code: "NOT_FOUND", field: ["input", "enterpriseIds", "3"], message: "No such Enterprises" },
    ]);
    expect(await t.count(ChamberMembership, { chamberId })).toBe(2);

    const notMember = await t.ok(
      REMOVE_MEMBERS,
      { i: { chamberId: id, enterpriseIds: [gids[0], toGlobalId("Enterprise", c.id)] } },
      { token: admin.token },
    );
    expect(notMember.removeChamberMembers.userErrors).toEqual([
      expect.objectContaining({ code: "NOT_MEMBER", field: ["input", "enterpriseIds", "1"] }),
    ]);
    expect(await t.count(ChamberMembership, { chamberId })).toBe(2);

    const removed = await t.ok(
      REMOVE_MEMBERS,
      { i: { chamberId: id, enterpriseIds: [gids[0]] } },
      {
        token: admin.token,
      },
    );
    expect(removed.removeChamberMembers).toMatchObject({ userErrors: [], chamber: { memberCount: 1 } });
    expect(await t.count(ChamberMembership, { chamberId, enterpriseId: b.id })).toBe(1);
    expect(await t.count(AuditEntry, { action: "chamber.removeMembers", subjectId: chamberId })).toBe(1);
  });

  it("takes 1 to 100 enterprises per call", async () => {
    const id = await createChamber(t, admin, "重庆市江西商会");
    const none = await t.ok(ADD_MEMBERS, { i: { chamberId: id, enterpriseIds: [] } }, { token: admin.token });
    expect(none.addChamberMembers.userErrors[0]).toMatchObject({ code: "REQUIRED", field: ["input", "enterpriseIds"] });
    const many = await enterprises(t, 101);
    const ids = many.map((e) => toGlobalId("Enterprise", e.id));
    const over = await t.ok(ADD_MEMBERS, { i: { chamberId: id, enterpriseIds: ids } }, { token: admin.token });
    expect(over.addChamberMembers.userErrors[0]).toMatchObject({
      code: "TOO_MANY_ITEMS",
      message: "企业一次最多100项",
    });
    expect(await t.count(ChamberMembership, { chamberId: localId(id, "Chamber")! })).toBe(0);
    const max = await t.ok(
      ADD_MEMBERS,
      { i: { chamberId: id, enterpriseIds: ids.slice(0, 100) } },
      {
        token: admin.token,
      },
    );
    expect(max.addChamberMembers).toMatchObject({ userErrors: [], chamber: { memberCount: 100 } });
  });

  it("is for admins only, and staff read members and the enterprise's chambers", async () => {
    const [e] = await enterprises(t, 1);
    const id = await createChamber(t, admin, "重庆市湖南商会", [e.id]);
    const input = { i: { chamberId: id, enterpriseIds: [toGlobalId("Enterprise", e.id)] } };
    expect((await t.gql(REMOVE_MEMBERS, input, { token: staff.token })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await t.gql(ADD_MEMBERS, input)).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(await t.count(ChamberMembership, { chamberId: localId(id, "Chamber")! })).toBe(1);

    const read = await t.ok(
      `query($id: ID!) { node(id: $id) { ... on Chamber { name members(first: 10) { totalCount edges { node { id name chambers { name } } } } } } }`,
      { id },
      { token: staff.token },
    );
    expect(read.node.members).toEqual({
      totalCount: 1,
      edges: [{ node: { id: toGlobalId("Enterprise", e.id), name: e.name, chambers: [{ name: "重庆市湖南商会" }] } }],
    });
    const hidden = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on Chamber { name } } }`,
      { id },
      {
        token: trainee.token,
      },
    );
    expect(hidden.data.node).toBeNull();
    const membership = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on Enterprise { chambers { name } } } }`,
      { id: toGlobalId("Enterprise", e.id) },
      { token: trainee.token },
    );
    expect(membership.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});

describe("chambers list", () => {
  it("searches by name or city and region kind, pages by name, for staff", async () => {
    await createChamber(t, admin, "重庆市四川商会");
    await createChamber(t, admin, "重庆市贵州商会");
    const first = await t.ok(LIST, { f: { search: "重庆市" } }, { token: staff.token });
    expect(first.chambers.totalCount).toBeGreaterThanOrEqual(6);
    expect(first.chambers.edges).toHaveLength(2);
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        chambers: { edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      } = await t.ok(LIST, { f: { search: "重庆市" }, after }, { token: staff.token });
      names.push(...page.chambers.edges.map((e) => e.node.name));
      if (!page.chambers.pageInfo.hasNextPage) break;
      after = page.chambers.pageInfo.endCursor;
    }
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(first.chambers.totalCount);
    const abroad = await t.ok(LIST, { f: { search: "雅加达", regionKind: "BELT_AND_ROAD" } }, { token: staff.token });
    expect(abroad.chambers.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(["中国—东盟商会"]);
    expect((await t.gql(LIST, {}, { token: trainee.token })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await t.gql(LIST, {})).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("counts partners whose partnership has begun in the public statistics", async () => {
    const before = (await t.ok(`{ statistics { partnerChambers } }`)).statistics.partnerChambers;
    expect(before).toBe(await t.count(Chamber));
    await t.ok(
      CREATE_CHAMBER,
      { i: { name: "明年合作商会", regionKind: "OVERSEAS", city: "伦敦", partnerSince: "2999-01-01" } },
      { token: admin.token },
    );
    await createChamber(t, admin, "重庆市河南商会");
    expect((await t.ok(`{ statistics { partnerChambers } }`)).statistics.partnerChambers).toBe(before + 1);
  });
});

describe("loading", () => {
  it("reads chambers with their members, counts, keys and memberships in the same statements for 3 or 15", async () => {
    const query = `{ chambers(first: 50, filter: { search: "负载" }) { totalCount edges { node { name memberCount
      members(first: 5) { totalCount edges { node { name chambers { name } } } } apiKeys { prefix } } } } }`;
    const grow = async (from: number, count: number) => {
      for (let i = from; i < from + count; i++) {
        const members = await enterprises(t, 3, `负载企业${i}-`);
        const id = await createChamber(
          t,
          admin,
          `负载商会${i}`,
          members.map((m) => m.id),
        );
        await t.ok(
          `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { userErrors { code } } }`,
          { i: { chamberId: id, scopes: ["PUBLIC_READ"] } },
          { token: admin.token },
        );
      }
    };
    const statements = async (size: number) => {
      const res = await t.gql(query, {}, { token: admin.token });
      expect(res.errors).toBeUndefined();
      expect(res.data.chambers.edges).toHaveLength(size);
      expect(res.data.chambers.edges.every((e: { node: { memberCount: number } }) => e.node.memberCount === 3)).toBe(
        true,
      );
      return Number(res.headers.get("x-sql-statements"));
    };
    await grow(0, 3);
    const small = await statements(3);
    await grow(3, 12);
    expect(await statements(15)).toBe(small);
    expect(small).toBeLessThanOrEqual(10);
  });
});
