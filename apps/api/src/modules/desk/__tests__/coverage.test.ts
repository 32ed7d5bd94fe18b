import "reflect-metadata";
import { TestApp } from "../../../testing/harness";
import { toGlobalId } from "../../../graphql/ids";
import { beijingDay } from "../../../common/beijing-time";
import { Enterprise } from "../../enterprises/enterprise.entity";
import { CommissionerAssignment, Visit } from "../commissioner.entity";
import { EnterpriseContact } from "../department.entity";
import { deskWorld, type DeskWorld } from "./fixtures";

const COVERAGE = `{ deskCoverage { overdueDays visitedSince keyEnterprises overdueEnterprises
  byTown { town keyEnterprises overdue smallEnterprises smallWithoutContact }
  smallWithoutContact(town: "东阳街道", first: 5) { totalCount edges { node { name } } } } }`;
const PEOPLE = `query($f: DeskPeopleFilter!) { deskPeople(first: 20, filter: $f) {
  totalCount edges { node { id name commissionerCoverage { enterprises overdue lastVisitOn } } } } }`;
const OVERDUE = `query($f: CommissionerAssignmentFilter) { commissionerAssignments(first: 20, filter: $f) {
  totalCount edges { node { lastVisitOn visitOverdue enterprise { name town } commissioner { name } } } } }`;
const LOG = `mutation($i: LogVisitInput!) { logVisit(input: $i) { visit { id } userErrors { code } } }`;

const DAY = 86_400_000;
const daysAgo = (n: number) => beijingDay(new Date(Date.now() - n * DAY));

describe("coverage: key enterprises unvisited for 90 days, towns whose small enterprises have no contact", () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let w: DeskWorld;
  let made = 0;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await deskWorld(t);
  });
  afterAll(() => t.close());

  /**
   * One commissioner with three key enterprises in 北温泉街道 (visited 10 and 120 days ago, and
   * never), and two small enterprises in 东阳街道, one of them with a contact person.
   */
  async function grow() {
    const commissioner = await t.user(["COMMISSIONER"], `特使${made}`);
    const firm = async (town: string) => {
      made += 1;
      return t.ds.getRepository(Enterprise).save({
        name: `覆盖企业${String(made).padStart(4, "0")}`,
        creditCode: `C${String(made).padStart(17, "0")}`,
        listed: false,
        town,
      });
    };
    const lastVisits = [daysAgo(10), daysAgo(120), null];
    for (const last of lastVisits) {
      const key = await firm("北温泉街道");
      await t.ds.getRepository(CommissionerAssignment).insert({
        commissionerUserId: commissioner.userId,
        enterpriseId: key.id,
        current: true,
        lastVisitOn: last,
        createdAt: new Date(Date.now() - 400 * DAY),
      });
      if (last)
        await t.ds.getRepository(Visit).insert({
          enterpriseId: key.id,
          commissionerUserId: commissioner.userId,
          visitedOn: last,
          met: "总经理",
          findings: "正常。",
        });
    }
    await firm("东阳街道");
    const contacted = await firm("东阳街道");
    await t.ds.getRepository(EnterpriseContact).insert({ userId: w.otherContact.userId, enterpriseId: contacted.id });
    return commissioner;
  }

  it("counts overdue key enterprises by commissioner and by town, with the same statements however many there are", async () => {
    const first = await grow();
    const small = await t.gql(COVERAGE, {}, { token: w.staff.token });
    expect(small.errors).toBeUndefined();
    const c = small.data.deskCoverage;
    expect(c).toMatchObject({ overdueDays: 90, visitedSince: daysAgo(90) });
    // The world's own key enterprise (never visited) and the three above, two of them overdue.
    expect([c.keyEnterprises, c.overdueEnterprises]).toEqual([4, 3]);
    const town = (name: string) => c.byTown.find((r: { town: string }) => r.town === name);
    expect(town("北温泉街道")).toEqual({
      town: "北温泉街道",
      keyEnterprises: 3,
      overdue: 2,
      smallEnterprises: 0,
      smallWithoutContact: 0,
    });
    expect(town("东阳街道")).toEqual({
      town: "东阳街道",
      keyEnterprises: 0,
      overdue: 0,
      smallEnterprises: 2,
      smallWithoutContact: 1,
    });
    expect(c.smallWithoutContact.totalCount).toBe(1);

    const people = await t.gql(PEOPLE, { f: { role: "COMMISSIONER", search: "特使0" } }, { token: w.staff.token });
    expect(people.data.deskPeople.edges.map((e: any) => e.node)).toEqual([
      {
        id: toGlobalId("User", first.userId),
        name: "特使0",
        commissionerCoverage: { enterprises: 3, overdue: 2, lastVisitOn: daysAgo(10) },
      },
    ]);
    const overdue = await t.gql(OVERDUE, { f: { overdue: true, town: "北温泉街道" } }, { token: w.staff.token });
    // Never visited first, then the longest ago.
    expect(
      overdue.data.commissionerAssignments.edges.map((e: any) => [e.node.lastVisitOn, e.node.visitOverdue]),
    ).toEqual([
      [null, true],
      [daysAgo(120), true],
    ]);

    for (let i = 0; i < 4; i++) await grow();
    const large = await t.gql(COVERAGE, {}, { token: w.staff.token });
    expect(large.data.deskCoverage.overdueEnterprises).toBe(11);
    const largePeople = await t.gql(PEOPLE, { f: { role: "COMMISSIONER" } }, { token: w.staff.token });
    const smallPeople = await t.gql(PEOPLE, { f: { role: "COMMISSIONER", search: "特使" } }, { token: w.staff.token });
    expect(largePeople.data.deskPeople.totalCount).toBe(6);
    const largeOverdue = await t.gql(OVERDUE, { f: { overdue: true } }, { token: w.staff.token });
    expect(largeOverdue.data.commissionerAssignments.totalCount).toBe(11);
    const statements = (r: { headers: Headers }) => Number(r.headers.get("x-sql-statements"));
    expect(statements(small)).toBeGreaterThanOrEqual(4);
    expect(statements(large)).toBe(statements(small));
    expect(statements(largePeople)).toBe(statements(people));
    expect(statements(smallPeople)).toBe(statements(people));
    expect(statements(largeOverdue)).toBe(statements(overdue));
  });

  it("updates as a commissioner logs a visit", async () => {
    const before = (await t.ok(COVERAGE, {}, { token: w.staff.token })).deskCoverage.overdueEnterprises;
    const logged = await t.ok(
      LOG,
      { i: { enterpriseId: w.firmId, visitedOn: daysAgo(0), met: "总经理", findings: "订单饱满。" } },
      { token: w.commissioner.token },
    );
    expect(logged.logVisit.userErrors).toEqual([]);
    expect((await t.ok(COVERAGE, {}, { token: w.staff.token })).deskCoverage.overdueEnterprises).toBe(before - 1);
    // An older visit logged later leaves the latest one standing.
    await t.ok(
      LOG,
      { i: { enterpriseId: w.firmId, visitedOn: daysAgo(5), met: "财务总监", findings: "补记。" } },
      { token: w.commissioner.token },
    );
    const own = await t.ok(OVERDUE, {}, { token: w.commissioner.token });
    expect(own.commissionerAssignments.edges.map((e: any) => e.node.lastVisitOn)).toEqual([daysAgo(0)]);
  });

  it("is for desk staff", async () => {
    for (const who of [w.commissioner, w.contact, w.handler, w.leader]) {
      expect((await t.gql(COVERAGE, {}, { token: who.token })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(
        (await t.gql(PEOPLE, { f: { role: "COMMISSIONER" } }, { token: who.token })).errors?.[0].extensions?.code,
      ).toBe("FORBIDDEN");
    }
    const res = await t.gql(PEOPLE, { f: { role: "ADMIN" } }, { token: w.staff.token });
    expect(res.errors?.[0].message).toMatch(/角色|role/);
  });
});
