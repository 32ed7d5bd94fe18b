import "reflect-metadata";
import { TestApp, type TestUser } from "../../../testing/harness";
import { AuditEntry } from "../../audit/audit-entry.entity";
import { AwardWinner } from "../award-winner.entity";
import { HONOR_ROLL, createCycle, createProgram, creditCode, enterprise, person } from "./fixtures";
import { Enterprise } from "../../enterprises/enterprise.entity";

const IMPORT = `mutation($i: ImportCommendationsInput!) { importCommendations(input: $i) { dryRun created existing problems { line column code message } userErrors { code field message } } }`;

let t: TestApp;
let staff: TestUser;
const programs: Record<string, string> = {};

const file = (lines: string[], encoding: "utf8" | "gb18030" = "utf8") =>
  encoding === "utf8"
    ? Buffer.from("\uFEFF" + lines.join("\r\n"), "utf8").toString("base64")
    : gb18030(lines.join("\r\n"));

/** GB18030 bytes of a text, as Excel on Chinese Windows saves a CSV (Node can decode it, not encode it). */
function gb18030(text: string): string {
  const decoder = new TextDecoder("gb18030");
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      bytes.push(ch.charCodeAt(0));
      continue;
    }
    search: for (let hi = 0x81; hi <= 0xfe; hi++)
      for (let lo = 0x40; lo <= 0xfe; lo++)
        if (decoder.decode(Uint8Array.from([hi, lo])) === ch) {
          bytes.push(hi, lo);
          break search;
        }
  }
  return Buffer.from(bytes).toString("base64");
}

const run = (lines: string[], dryRun: boolean, token = staff.token, encoding: "utf8" | "gb18030" = "utf8") =>
  t.gql(IMPORT, { i: { fileName: "历年表彰.csv", contentBase64: file(lines, encoding), dryRun } }, { token });

beforeAll(async () => {
  t = await TestApp.start();
  staff = await t.user(["STAFF"]);
  programs.enterprise = await createProgram(t, staff, "优秀民营企业", "ENTERPRISE");
  programs.entrepreneur = await createProgram(t, staff, "优秀民营企业家", "ENTREPRENEUR");
});
afterAll(() => t.close());

describe("importing past commendations", () => {
  it("lists every problem by line and column in a dry run, and writes nothing while there is one", async () => {
    await createCycle(t, staff, programs.enterprise, { year: 2021 });
    const code = creditCode();
    const lines = [
      "年份,奖项,获奖者,统一社会信用代码",
      "2019,优秀民营企业,重庆甲公司,",
      "20x9,优秀民营企业,重庆乙公司,",
      "2019,优秀道德模范,重庆丙公司,",
      "2019,优秀民营企业,,",
      // A wrong check character: never the right one, whatever the random code's is.
      `2019,优秀民营企业,重庆丁公司,${code.slice(0, 17)}${code.endsWith("X") ? "Y" : "X"}`,
      "2019,优秀民营企业,重庆甲公司,",
      "2021,优秀民营企业,重庆戊公司,",
    ];
    const before = await t.count(AwardWinner);
    for (const dryRun of [true, false]) {
      const res = (await run(lines, dryRun)).data.importCommendations;
      expect(res.problems.map((p: any) => [p.line, p.column, p.code])).toEqual([
        [3, "年份", "OUT_OF_RANGE"],
        [4, "奖项", "IMPORT_UNKNOWN_PROGRAM"],
        [5, "获奖者", "REQUIRED"],
        [6, "统一社会信用代码", "INVALID_CREDIT_CODE"],
        [7, "获奖者", "IMPORT_DUPLICATE_COMMENDATION"],
        [8, "年份", "IMPORT_CYCLE_EXISTS"],
      ]);
      expect(res.problems[1].message).toContain("优秀道德模范");
      expect(res.userErrors).toEqual([expect.objectContaining({ code: "IMPORT_HAS_PROBLEMS" })]);
      expect(res.created).toBe(0);
    }
    const missing = (await run(["年份,获奖者", "2019,重庆甲公司"], true)).data.importCommendations;
    expect(missing.problems).toEqual([
      expect.objectContaining({ line: 1, column: "奖项", code: "IMPORT_MISSING_COLUMN" }),
    ]);
    expect(await t.count(AwardWinner)).toBe(before);
    expect(await t.count(AuditEntry, { action: "awardWinner.import" })).toBe(0);
  });

  it("imports all rows, links them to the platform's records, and adds nothing on a second import", async () => {
    const firm = await enterprise(t, "重庆嘉陵江实业有限公司");
    const firmCode = (await t.ds.getRepository(Enterprise).findOneByOrFail({ id: firm.id })).creditCode;
    const founder = await person(t, "吴志强", firm.id);
    const lines = [
      "year,program,name,enterpriseName,creditCode,rank",
      "2017,优秀民营企业,重庆嘉陵江实业有限公司,,,1",
      `2017,优秀民营企业家,吴志强,,${firmCode},2`,
      "2017,优秀民营企业家,陈未登记,重庆某某商贸有限公司,,",
    ];
    const dry = (await run(lines, true)).data.importCommendations;
    expect(dry).toMatchObject({ dryRun: true, created: 3, existing: 0, problems: [], userErrors: [] });
    expect(await t.count(AwardWinner, { year: 2017 })).toBe(0);

    const trainee = await t.user(["TRAINEE"]);
    expect((await run(lines, false, trainee.token)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const anonymous = await t.gql(IMPORT, { i: { fileName: "表彰.csv", contentBase64: file(lines), dryRun: false } });
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");

    const real = (await run(lines, false)).data.importCommendations;
    expect(real).toMatchObject({ dryRun: false, created: 3, existing: 0, problems: [] });
    const rows = await t.ds.getRepository(AwardWinner).find({ where: { year: 2017 }, order: { id: "ASC" } });
    expect(rows.map((w) => [w.name, w.enterpriseId, w.traineeId, w.enterpriseName, w.source, w.rank])).toEqual([
      ["重庆嘉陵江实业有限公司", firm.id, null, "重庆嘉陵江实业有限公司", "IMPORT", 1],
      ["吴志强", firm.id, founder.id, "重庆嘉陵江实业有限公司", "IMPORT", 2],
      ["陈未登记", null, null, "重庆某某商贸有限公司", "IMPORT", null],
    ]);
    expect(rows.every((w) => w.publishedAt !== null)).toBe(true);

    const again = (await run(lines, false)).data.importCommendations;
    expect(again).toMatchObject({ created: 0, existing: 3 });
    expect(await t.count(AwardWinner, { year: 2017 })).toBe(3);
    expect(await t.count(AuditEntry, { action: "awardWinner.import" })).toBe(2);

    // The person's and the enterprise's profiles list them; the roll is public.
    const profile = await t.ok(`query($id: ID!) { node(id: $id) { ... on Enterprise { awards { name year } } } }`, {
      id: firm.gid,
    });
    expect(profile.node.awards).toEqual([
      { name: "重庆嘉陵江实业有限公司", year: 2017 },
      { name: "吴志强", year: 2017 },
    ]);
  });

  it("reads Excel's GB18030 CSV files", async () => {
    const res = (
      await run(["年份,奖项,获奖者", "2016,优秀民营企业,重庆缙云山茶叶有限公司"], false, staff.token, "gb18030")
    ).data.importCommendations;
    expect(res).toMatchObject({ created: 1, problems: [] });
    expect(await t.count(AwardWinner, { name: "重庆缙云山茶叶有限公司" })).toBe(1);
  });

  it("refuses files it cannot read", async () => {
    const res = await t.ok(
      IMPORT,
      { i: { fileName: "表彰.pdf", contentBase64: file(["年份"]), dryRun: true } },
      { token: staff.token },
    );
    expect(res.importCommendations.userErrors[0]).toMatchObject({
      code: "IMPORT_UNSUPPORTED_FILE",
      field: ["input", "fileName"],
    });
    const empty = await t.ok(
      IMPORT,
      { i: { fileName: "表彰.csv", contentBase64: file(["年份,奖项,获奖者"]), dryRun: true } },
      { token: staff.token },
    );
    expect(empty.importCommendations.userErrors[0].code).toBe("IMPORT_EMPTY_FILE");
  });
});

describe("honor roll", () => {
  it("is public, newest year first, filtered by year and program, paged", async () => {
    const all = await t.ok(HONOR_ROLL, { first: 100 });
    const years = all.honorRoll.edges.map((e: any) => e.node.year);
    expect(years).toEqual([...years].sort((a: number, b: number) => b - a));
    expect(all.honorRoll.totalCount).toBe(years.length);
    expect((await t.ok(`{ statistics { commendations } }`)).statistics.commendations).toBe(years.length);

    const byProgram = await t.ok(HONOR_ROLL, { f: { programId: programs.entrepreneur, year: 2017 } });
    expect(byProgram.honorRoll.edges.map((e: any) => e.node.name)).toEqual(["吴志强", "陈未登记"]);
    // A name, or part of the enterprise's; % is a character like any other.
    const found = await t.ok(HONOR_ROLL, { f: { search: "志强" } });
    expect(found.honorRoll.edges.map((e: any) => e.node.name)).toEqual(["吴志强"]);
    expect((await t.ok(HONOR_ROLL, { f: { search: "%" } })).honorRoll.totalCount).toBe(0);
    const first = await t.ok(HONOR_ROLL, { first: 1 });
    const second = await t.ok(HONOR_ROLL, { first: 1, after: first.honorRoll.pageInfo.endCursor });
    expect([first.honorRoll.edges[0].node.id, second.honorRoll.edges[0].node.id]).toEqual(
      all.honorRoll.edges.slice(0, 2).map((e: any) => e.node.id),
    );
    const tooMany = await t.gql(HONOR_ROLL, { first: 101 });
    expect(tooMany.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});
