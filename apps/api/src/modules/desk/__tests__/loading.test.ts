import "reflect-metadata";
import { In } from "typeorm";
import { TestApp } from "../../../testing/harness";
import { D1, D2, d1, d2 } from "../../../../../../scripts/bench/operations";
import { Department } from "../department.entity";
import { Problem } from "../problem.entity";
import { Enterprise } from "../../enterprises/enterprise.entity";
import { deskWorld, type DeskWorld } from "./fixtures";

const STATUSES = ["REPORTED", "TRIAGED", "ASSIGNED", "IN_PROGRESS", "ANSWERED", "CLOSED", "REOPENED"] as const;
const CATEGORIES = ["ADMINISTRATION", "FINANCING", "EMPLOYMENT", "LAND", "TRANSFORMATION", "POLICY", "OTHER"] as const;
const LEVELS = ["DEPARTMENT", "LEADER", "DISTRICT_HEAD"] as const;

/** `size` problems over `size` enterprises and departments, spread over statuses, categories, levels and months. */
async function grow(t: TestApp, size: number, offset: number) {
  const enterprises = await t.ds.getRepository(Enterprise).save(
    Array.from({ length: size }, (_, i) => ({
      name: `直通车企业${offset}-${i}`,
      creditCode: `Q${String(offset * 100000 + i).padStart(17, "0")}`,
      listed: false,
    })),
  );
  const departments = await t.ds
    .getRepository(Department)
    .save(Array.from({ length: size }, (_, i) => ({ name: `区直部门${offset}-${i}`, leaderUserId: null })));
  const now = Date.now();
  await t.ds.getRepository(Problem).insert(
    Array.from({ length: size * 4 }, (_, i) => {
      const status = STATUSES[i % STATUSES.length];
      const reported = new Date(now - (i % 36) * 30 * 86_400_000);
      return {
        enterpriseId: enterprises[i % size].id,
        category: CATEGORIES[i % CATEGORIES.length],
        title: `问题${offset}-${i}`,
        description: "说明",
        status,
        level: LEVELS[i % LEVELS.length],
        departmentId: status === "REPORTED" || status === "TRIAGED" ? null : departments[i % size].id,
        dueAt: status === "REPORTED" || status === "TRIAGED" ? null : new Date(now + ((i % 5) - 2) * 86_400_000),
        reporterKind: "ENTERPRISE" as const,
        reportedBy: 1,
        answer: null,
        answeredAt: status === "ANSWERED" || status === "CLOSED" ? new Date(now) : null,
        answeredBy: null,
        rating: status === "CLOSED" ? ("SATISFIED" as const) : null,
        instructions: null,
        escalations: 0,
        late: i % 3 === 0,
        closedAt: status === "CLOSED" ? new Date(now) : null,
        createdAt: reported,
      };
    }),
  );
}

describe("the bench's desk operations: the same statements whatever the data size", () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let w: DeskWorld;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await deskWorld(t);
  });
  afterAll(() => t.close());

  it("D1 (the queue) and D2 (the figures) cost the same at 12 and 480 problems, within their budget", async () => {
    const run = async (query: string) => {
      const res = await t.gql(query, {}, { token: w.staff.token });
      expect(res.errors).toBeUndefined();
      return { data: res.data, statements: Number(res.headers.get("x-sql-statements")) };
    };
    await grow(t, 3, 1);
    const small = { d1: await run(D1), d2: await run(D2) };
    await grow(t, 120, 2);
    const large = { d1: await run(D1), d2: await run(D2) };

    // The larger data set fills the page, with every relation, and the figures see every problem.
    expect(large.d1.data.problems.edges).toHaveLength(50);
    const open = await t.ds.getRepository(Problem).countBy({ status: In(["ASSIGNED", "IN_PROGRESS", "REOPENED"]) });
    expect(large.d1.data.problems.totalCount).toBe(open);
    expect(
      large.d1.data.problems.edges.every(
        (e: { node: { enterprise: unknown; department: unknown } }) => e.node.enterprise && e.node.department,
      ),
    ).toBe(true);
    expect(large.d2.data.deskFigures.total.total).toBe(await t.count(Problem));
    expect(large.d2.data.deskFigures.byMonth.length).toBeGreaterThan(small.d2.data.deskFigures.byMonth.length);

    expect(large.d1.statements).toBe(small.d1.statements);
    expect(large.d2.statements).toBe(small.d2.statements);
    expect(small.d1.statements).toBeLessThanOrEqual(d1("").levels!);
    expect(small.d2.statements).toBeLessThanOrEqual(d2("").levels!);
  });
});
