import "reflect-metadata";
import { TestApp, type TestUser } from "../../../testing/harness";
import { toGlobalId } from "../../../graphql/ids";
import { AuditEntry } from "../../audit/audit-entry.entity";
import { Enterprise } from "../enterprise.entity";
import { EnterpriseHonor } from "../enterprise-honor.entity";

const CREATE = `mutation($i: CreateEnterpriseInput!) {
  createEnterprise(input: $i) { enterprise { id name creditCode listed } userErrors { code field message } }
}`;
const SHENCHI = "91350100M000100Y43";

let t: TestApp;
let staff: TestUser;
let trainee: TestUser;

beforeAll(async () => {
  t = await TestApp.start();
  staff = await t.user(["STAFF"]);
  trainee = await t.user(["TRAINEE"]);
});
afterAll(() => t.close());

describe("enterprises", () => {
  let enterpriseId: string;

  it("staff register an enterprise by its credit code", async () => {
    const res = await t.ok(
      CREATE,
      {
        i: {
          name: "重庆神驰机电股份有限公司",
          creditCode: SHENCHI.toLowerCase(),
          listed: true,
          stockCode: "603109",
          foundedYear: 1993,
        },
      },
      { token: staff.token },
    );
    expect(res.createEnterprise.userErrors).toEqual([]);
    expect(res.createEnterprise.enterprise).toMatchObject({ creditCode: SHENCHI, listed: true });
    enterpriseId = res.createEnterprise.enterprise.id;
    expect(await t.count(AuditEntry, { action: "enterprise.create" })).toBe(1);
  });

  it.each([
    [{ creditCode: "91350100M000100Y42" }, "INVALID_CREDIT_CODE", "creditCode"],
    [{ creditCode: "91350100M00010" }, "INVALID_CREDIT_CODE", "creditCode"],
    [{ creditCode: SHENCHI }, "CREDIT_CODE_TAKEN", "creditCode"],
    [{ name: "" }, "REQUIRED", "name"],
    [{ foundedYear: 3000 }, "OUT_OF_RANGE", "foundedYear"],
    [{ name: "x".repeat(101) }, "TOO_LONG", "name"],
  ])("refuses %j with %s", async (override, code, field) => {
    const before = await t.count(Enterprise);
    const res = await t.ok(
      CREATE,
      { i: { name: "某公司", creditCode: "91110000600037341L", ...override } },
      { token: staff.token },
    );
    expect(res.createEnterprise.userErrors[0]).toMatchObject({ code, field: ["input", field] });
    expect(await t.count(Enterprise)).toBe(before);
  });

  it("explains a wrong check character in Chinese and English", async () => {
    const zh = await t.ok(CREATE, { i: { name: "某公司", creditCode: "91350100M000100Y42" } }, { token: staff.token });
    expect(zh.createEnterprise.userErrors[0].message).toBe("统一社会信用代码无效（校验码错误）");
    const en = await t.ok(
      CREATE,
      { i: { name: "某公司", creditCode: "91350100M000100Y42" } },
      { token: staff.token, lang: "en" },
    );
    expect(en.createEnterprise.userErrors[0].message).toBe(
      "The unified social credit code is not valid (wrong check character)",
    );
  });

  it("trainees and visitors cannot create enterprises", async () => {
    expect(
      (await t.gql(CREATE, { i: { name: "x", creditCode: SHENCHI } }, { token: trainee.token })).errors?.[0].extensions
        ?.code,
    ).toBe("FORBIDDEN");
    expect((await t.gql(CREATE, { i: { name: "x", creditCode: SHENCHI } })).errors?.[0].extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
  });

  it("updates, refusing a code that another enterprise holds", async () => {
    const other = await t.ok(
      CREATE,
      { i: { name: "重庆国贵赛车科技股份有限公司", creditCode: "91110000600037341L" } },
      { token: staff.token },
    );
    const UPDATE = `mutation($i: UpdateEnterpriseInput!) { updateEnterprise(input: $i) { enterprise { name town } userErrors { code } } }`;
    const taken = await t.ok(
      UPDATE,
      { i: { enterpriseId: other.createEnterprise.enterprise.id, creditCode: SHENCHI } },
      { token: staff.token },
    );
    expect(taken.updateEnterprise.userErrors[0].code).toBe("CREDIT_CODE_TAKEN");
    const ok = await t.ok(
      UPDATE,
      { i: { enterpriseId: other.createEnterprise.enterprise.id, town: "童家溪镇" } },
      { token: staff.token },
    );
    expect(ok.updateEnterprise.enterprise).toMatchObject({ name: "重庆国贵赛车科技股份有限公司", town: "童家溪镇" });
  });

  it("records and removes honors and social-responsibility records", async () => {
    const ADD = `mutation($i: AddEnterpriseHonorInput!) { addEnterpriseHonor(input: $i) { honor { id kind } enterprise { honors { kind year } } userErrors { code field } } }`;
    const added = await t.ok(
      ADD,
      { i: { enterpriseId, kind: "LITTLE_GIANT", level: "NATIONAL", year: 2021, validUntil: "2024-12-31" } },
      { token: staff.token },
    );
    expect(added.addEnterpriseHonor.enterprise.honors).toEqual([{ kind: "LITTLE_GIANT", year: 2021 }]);
    const badDate = await t.ok(
      ADD,
      { i: { enterpriseId, kind: "SRDI", level: "MUNICIPAL", year: 2021, validUntil: "2024-02-30" } },
      { token: staff.token },
    );
    expect(badDate.addEnterpriseHonor.userErrors[0]).toMatchObject({
      code: "INVALID_VALUE",
      field: ["input", "validUntil"],
    });
    const badYear = await t.ok(
      ADD,
      { i: { enterpriseId, kind: "SRDI", level: "MUNICIPAL", year: 1900 } },
      { token: staff.token },
    );
    expect(badYear.addEnterpriseHonor.userErrors[0].code).toBe("OUT_OF_RANGE");
    expect(await t.count(EnterpriseHonor)).toBe(1);

    const SOCIAL = `mutation($i: AddSocialResponsibilityRecordInput!) { addSocialResponsibilityRecord(input: $i) { enterprise { socialResponsibilityRecords { programme amountYuan } } userErrors { code } } }`;
    const social = await t.ok(
      SOCIAL,
      { i: { enterpriseId, programme: "VILLAGE_HELP", amountYuan: 1200000, year: 2020, description: "万企帮万村" } },
      { token: staff.token },
    );
    expect(social.addSocialResponsibilityRecord.enterprise.socialResponsibilityRecords).toEqual([
      { programme: "VILLAGE_HELP", amountYuan: 1200000 },
    ]);
    const negative = await t.ok(
      SOCIAL,
      { i: { enterpriseId, programme: "DONATION", amountYuan: -5, year: 2020 } },
      { token: staff.token },
    );
    expect(negative.addSocialResponsibilityRecord.userErrors[0].code).toBe("OUT_OF_RANGE");

    const REMOVE = `mutation($i: RemoveEnterpriseHonorInput!) { removeEnterpriseHonor(input: $i) { enterprise { honors { kind } } userErrors { code } } }`;
    const removed = await t.ok(REMOVE, { i: { honorId: added.addEnterpriseHonor.honor.id } }, { token: staff.token });
    expect(removed.removeEnterpriseHonor.enterprise.honors).toEqual([]);
    const again = await t.ok(REMOVE, { i: { honorId: added.addEnterpriseHonor.honor.id } }, { token: staff.token });
    expect(again.removeEnterpriseHonor.userErrors[0].code).toBe("NOT_FOUND");
  });

  it("finds enterprises by part of the name or by the whole credit code, publicly", async () => {
    const byName = await t.ok(
      `{ enterprises(first: 10, filter: { search: "神驰" }) { totalCount edges { node { name } } } }`,
    );
    expect(byName.enterprises.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      "重庆神驰机电股份有限公司",
    ]);
    const byCode = await t.ok(
      `query($s: String) { enterprises(first: 10, filter: { search: $s }) { edges { node { creditCode } } } }`,
      { s: SHENCHI },
    );
    expect(byCode.enterprises.edges).toEqual([{ node: { creditCode: SHENCHI } }]);
  });
});

describe("pagination", () => {
  beforeAll(async () => {
    const rows = Array.from({ length: 45 }, (_, i) => ({
      name: `分页测试企业${String(i).padStart(2, "0")}`,
      creditCode: `P${String(i).padStart(17, "0")}`,
      listed: false,
    }));
    await t.ds.getRepository(Enterprise).insert(rows);
  });

  it("walks every page once, in order, with totalCount", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: {
        enterprises: {
          totalCount: number;
          edges: { node: { name: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      } = await t.ok(
        `query($after: String) { enterprises(first: 20, after: $after, filter: { search: "分页测试" }) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(res.enterprises.totalCount).toBe(45);
      seen.push(...res.enterprises.edges.map((e) => e.node.name));
      if (!res.enterprises.pageInfo.hasNextPage) break;
      after = res.enterprises.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(45);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(45);
  });

  it("refuses first above 100 and a forged cursor with a clear error", async () => {
    const big = await t.gql(`{ enterprises(first: 1000) { totalCount } }`, {}, { lang: "en" });
    expect(big.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(big.errors?.[0].message).toContain("between 0 and 100");
    const forged = await t.gql(
      `{ enterprises(first: 10, after: "bm90LWEtY3Vyc29y") { totalCount } }`,
      {},
      { lang: "en" },
    );
    expect(forged.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(forged.errors?.[0].message).toContain("cursor");
  });
});

describe("node", () => {
  it("answers null for unknown, garbage and foreign IDs", async () => {
    for (const id of [
      "garbage",
      toGlobalId("Enterprise", 99999),
      toGlobalId("Nonsense", 1),
      toGlobalId("Trainee", trainee.traineeId!),
    ]) {
      const res = await t.ok(`query($id: ID!) { node(id: $id) { id } }`, { id });
      expect(res.node).toBeNull();
    }
  });
});
