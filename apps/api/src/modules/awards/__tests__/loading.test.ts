import "reflect-metadata";
import { TestApp, type TestUser } from "../../../testing/harness";
import { Chamber } from "../../chambers/chamber.entity";
import { ChamberMembership } from "../../chambers/chamber-membership.entity";
import {
  ASSIGN,
  DECLARE,
  EVENLY,
  createCycle,
  createProgram,
  enterprise,
  gid,
  judge,
  nominate,
  person,
  score,
  toPhase,
} from "./fixtures";

const ROLL = `{ honorRoll(first: 100) { edges { node { name program { name cycles { year } } cycle { year criteria { name } } enterprise { name awards { year } } } } } }`;
const CYCLE = `query($id: ID!) { node(id: $id) { ... on AwardCycle { nominations(first: 100) { edges { node { nomineeName eligible enterprise { name } dossier { training { courseTitle } priorAwards { year } } judges { conflict judge { name } scores { score criterion { name } } } winner { rank } } } } ranking { rank nomination { nomineeName } } judgingProgress { completeScoreSets } } } }`;
const MY = `{ myAwardAssignments(first: 100) { edges { node { nomineeName conflict complete nomination { nomineeName dossier { honors { kind } } } scores { score criterion { name } } } } } }`;

let t: TestApp;
let staff: TestUser;
let judges: TestUser[];
let programId: string;
let year = 2000;

/** A published cycle of `size` enterprise nominations, two judges on each, all scored. */
async function grow(size: number): Promise<string> {
  year += 1;
  const { id, criteria } = await createCycle(t, staff, programId, {
    year,
    quota: Math.ceil(size / 2),
    rules: [{ type: "COMPLETED_COHORT" }, { type: "NOT_RECENT_WINNER", years: 3 }],
    phase: "NOMINATING",
  });
  const nominations: string[] = [];
  for (let i = 0; i < size; i++) {
    const firm = await enterprise(t, `重庆加载${year}-${i}有限公司`);
    await person(t, `员工${year}-${i}`, firm.id);
    nominations.push(await nominate(t, staff, id, firm.gid));
  }
  await t.ok(
    EVENLY,
    { i: { cycleId: id, judgeIds: judges.map((j) => gid("User", j.userId)), judgesPerNomination: 2 } },
    { token: staff.token },
  );
  await toPhase(t, staff, id, "JUDGING");
  for (const j of judges) {
    const mine = await t.ok(
      `query($c: ID) { myAwardAssignments(first: 100, filter: { cycleId: $c }) { edges { node { nomination { id } } } } }`,
      { c: id },
      { token: j.token },
    );
    for (const { node } of mine.myAwardAssignments.edges) await score(t, j, node.nomination.id, criteria, [7, 8, 9]);
  }
  await toPhase(t, staff, id, "DECIDED", {
    winnerNominationIds: nominations.slice(0, Math.ceil(size / 2)),
    reason: "全部并列",
  });
  await toPhase(t, staff, id, "PUBLISHED");
  return id;
}

async function statements(query: string, variables: Record<string, unknown>, token?: string): Promise<number> {
  const res = await t.gql(query, variables, { token });
  expect(res.errors).toBeUndefined();
  return Number(res.headers.get("x-sql-statements"));
}

beforeAll(async () => {
  t = await TestApp.start();
  staff = await t.user(["STAFF"]);
  judges = [await judge(t, "评委甲"), await judge(t, "评委乙"), await judge(t, "评委丙")];
  programId = await createProgram(t, staff, "优秀民营企业", "ENTERPRISE");
});
afterAll(() => t.close());

describe("loading discipline", () => {
  jest.setTimeout(60_000);

  it("the honor roll, a cycle's nominations with dossiers, judges and scores, and a judge's list cost the same at 4× the data", async () => {
    const small = await grow(5);
    const smallCounts = [
      await statements(ROLL, {}),
      await statements(CYCLE, { id: small }, staff.token),
      await statements(MY, {}, judges[0].token),
    ];
    const large = await grow(20);
    const largeCounts = [
      await statements(ROLL, {}),
      await statements(CYCLE, { id: large }, staff.token),
      await statements(MY, {}, judges[0].token),
    ];
    expect(largeCounts).toEqual(smallCounts);
    expect(Math.max(...largeCounts)).toBeLessThan(40);
  });
});

describe("rows the honor roll reads in part", () => {
  it("still answer code that reads them through a loader: a cycle's title reads its program's name", async () => {
    await grow(2);
    // The page statement reads only the program's id; the cycle's title then needs the program's name.
    const res = await t.gql(`{ honorRoll(first: 5) { edges { node { program { id } cycle { title } } } } }`);
    expect(res.errors).toBeUndefined();
    const node = res.data.honorRoll.edges[0].node;
    expect(node.cycle.title).toMatch(/^\d{4}年度优秀民营企业$/);
    // A judge's list names the nominee through the enterprise loader the same way.
    const mine = await t.gql(
      `{ myAwardAssignments(first: 5) { edges { node { nomineeName nomination { enterprise { id } } } } } }`,
      {},
      { token: judges[0].token },
    );
    expect(mine.errors).toBeUndefined();
  });
});

describe("a cycle's nominations, their judges and the judges' scores, as the bench's Q2 asks for them", () => {
  // Every plain field of each level; the computed ones read other tables: the title its program, the
  // nominee's name a person or an enterprise, `complete` the criteria, `conflict` people and chambers.
  const Q2 = `query($id: ID!) { node(id: $id) { ... on AwardCycle { title phase nominations(first: 50) { edges { node { nomineeName status judges { nomineeName complete conflict scores { score comment } } } } } } } }`;

  it("answers in 4 statements: the session, the cycle with its program, the page with the nominees' names, the judges with their conflicts, completeness and scores", async () => {
    const programId = await createProgram(t, staff, "优秀民营企业家", "ENTREPRENEUR");
    const { id, criteria } = await createCycle(t, staff, programId, { year: 2030, phase: "NOMINATING" });
    const [firmA, firmB, firmC] = [
      await enterprise(t, "重庆甲实业有限公司"),
      await enterprise(t, "重庆乙科技有限公司"),
      await enterprise(t, "重庆丙商贸有限公司"),
    ];
    const a = await nominate(t, staff, id, (await person(t, "甲总", firmA.id)).gid);
    const b = await nominate(t, staff, id, (await person(t, "乙总", firmB.id)).gid);
    const inChamber = await judge(t, "评委丁", firmC.id);
    const free = await judge(t, "评委戊");
    for (const nominationId of [a, b]) {
      const res = await t.ok(
        ASSIGN,
        { i: { nominationId, judgeIds: [gid("User", inChamber.userId), gid("User", free.userId)] } },
        { token: staff.token },
      );
      expect(res.assignJudges.userErrors).toEqual([]);
    }
    // After the assignment, 乙's enterprise joins the chamber of 评委丁's: a conflict found in the data.
    const chamber = await t.ds.getRepository(Chamber).save({
      name: "重庆市北碚区工商业联合会测试商会",
      regionKind: "DOMESTIC",
      city: "重庆",
      partnerSince: "2020-01-01",
      contact: null,
    });
    await t.ds.getRepository(ChamberMembership).insert([
      { chamberId: chamber.id, enterpriseId: firmC.id },
      { chamberId: chamber.id, enterpriseId: firmB.id },
    ]);
    await toPhase(t, staff, id, "JUDGING");
    const declared = await t.ok(DECLARE, { i: { nominationId: a, reason: "曾为其顾问" } }, { token: inChamber.token });
    expect(declared.declareConflict.userErrors).toEqual([]);
    await score(t, free, a, criteria, [7, 8, 9]);
    await score(t, free, b, criteria.slice(0, 1), [6]);

    const res = await t.gql(Q2, { id }, { token: staff.token });
    expect(res.errors).toBeUndefined();
    expect(Number(res.headers.get("x-sql-statements"))).toBe(4);
    const cycle = res.data.node;
    expect([cycle.title, cycle.phase]).toEqual(["2030年度优秀民营企业家", "JUDGING"]);
    const judges = (n: number) => cycle.nominations.edges[n].node.judges;
    expect(cycle.nominations.edges.map((e: { node: { nomineeName: string } }) => e.node.nomineeName)).toEqual([
      "甲总",
      "乙总",
    ]);
    expect(judges(0)).toEqual([
      { nomineeName: "甲总", complete: false, conflict: "DECLARED", scores: [] },
      {
        nomineeName: "甲总",
        complete: true,
        conflict: null,
        scores: [7, 8, 9].map((value) => ({ score: value, comment: "好" })),
      },
    ]);
    expect(judges(1)).toEqual([
      { nomineeName: "乙总", complete: false, conflict: "SAME_CHAMBER", scores: [] },
      { nomineeName: "乙总", complete: false, conflict: null, scores: [{ score: 6, comment: "好" }] },
    ]);

    // The judge's own list reaches the same assignments by another way, with nothing read ahead: same answers.
    const mine = await t.ok(
      `query($c: ID) { myAwardAssignments(first: 10, filter: { cycleId: $c }) { edges { node { nomineeName complete conflict scores { score } } } } }`,
      { c: id },
      { token: free.token },
    );
    const byName = (edges: { node: { nomineeName: string } }[]) =>
      Object.fromEntries(edges.map((e) => [e.node.nomineeName, e.node]));
    expect(byName(mine.myAwardAssignments.edges)).toEqual(
      byName(
        [
          { nomineeName: "甲总", complete: true, conflict: null, scores: [{ score: 7 }, { score: 8 }, { score: 9 }] },
          { nomineeName: "乙总", complete: false, conflict: null, scores: [{ score: 6 }] },
        ].map((node) => ({ node })),
      ),
    );
  });
});
