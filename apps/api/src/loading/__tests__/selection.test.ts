import "reflect-metadata";
import { PassThrough } from "node:stream";
import { parse, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { TestApp, type TestUser } from "../../testing/harness";
import { buildAppSchema } from "../../graphql/schema";
import { neededColumns, partialPrototype, selectionOf } from "../selection";
import type { RequestContext } from "../../graphql/context";
import { toGlobalId } from "../../graphql/ids";
import { Cohort } from "../../modules/training/cohort.entity";
import { Course } from "../../modules/training/course.entity";
import { Enrollment, activeSlot } from "../../modules/training/enrollment.entity";
import { Trainee } from "../../modules/trainees/trainee.entity";
import { Enterprise } from "../../modules/enterprises/enterprise.entity";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

const selection = (query: string) => {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === "OperationDefinition") as OperationDefinitionNode;
  return selectionOf(schema, document, operation);
};

describe("what a query selects", () => {
  it("collects the fields of each type through fragments, inline fragments and interfaces", () => {
    const fields = selection(`
      query { cohorts(first: 1) { edges { node { title } } } node(id: "x") { id ... on Trainee { name ...T } } }
      fragment T on Trainee { enterprise { name } }
    `);
    expect([...fields.get("Trainee")!].sort()).toEqual(["enterprise", "id", "name"]);
    expect([...fields.get("Enterprise")!].sort()).toEqual(["id", "name"]);
    expect([...fields.get("Cohort")!].sort()).toEqual(["id", "title"]);
    // `id` on the Node interface counts for every type that implements it.
    expect([...fields.get("Course")!]).toEqual(["id"]);
    expect(fields.has("Statistics")).toBe(false);
  });

  it("selects nothing for a mutation: its loaders read whole rows", () => {
    expect(selection(`mutation { logout(input: {}) { ok } }`).size).toBe(0);
  });
});

describe("the columns a query reads", () => {
  let t: TestApp;
  let staff: TestUser;
  const statements: string[] = [];
  let ids: { cohort: number; trainee: number };

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n").filter(Boolean)) {
        const entry = JSON.parse(line) as { sql?: string };
        if (entry.sql) statements.push(entry.sql);
      }
    });
    t = await TestApp.start({}, stream);
    staff = await t.user(["STAFF"]);
    const enterprise = await t.ds
      .getRepository(Enterprise)
      .save({ name: "重庆作孚实业", creditCode: "91500109MA5U000001", industry: "制造业", listed: false });
    const trainee = await t.ds.getRepository(Trainee).save({
      name: "张三",
      phone: "13912345678",
      position: "董事长",
      enterpriseId: enterprise.id,
    });
    const course = await t.ds.getRepository(Course).save({ title: "研修班", organizers: ["学院"] });
    const cohort = await t.ds.getRepository(Cohort).save({
      courseId: course.id,
      number: 1,
      title: "春季班",
      startsOn: "2026-03-01",
      endsOn: "2026-03-05",
      capacity: 10,
      seatsTaken: 1,
      admission: "AUTO",
      status: "IN_PROGRESS",
      completionThreshold: 80,
    });
    await t.ds.getRepository(Enrollment).insert({
      cohortId: cohort.id,
      traineeId: trainee.id,
      status: "ENROLLED",
      activeSlot: activeSlot(cohort.id, trainee.id),
    });
    ids = { cohort: cohort.id, trainee: trainee.id };
  });
  afterAll(() => t.close());

  // The last page statement, quoted the SQLite way on both databases.
  const pageStatement = () =>
    statements
      .filter((s) => s.includes("ROW_NUMBER()"))
      .at(-1)!
      .replaceAll("`", '"');

  it("reads the selected columns of a page and its includes, and leaves out tables nobody selected", async () => {
    const data = await t.ok(
      `query($id: ID!) { node(id: $id) { ... on Cohort { enrollments(first: 5) { edges { node { status trainee { name } } } } } } }`,
      { id: toGlobalId("Cohort", ids.cohort) },
      { token: staff.token },
    );
    expect(data.node.enrollments.edges).toEqual([{ node: { status: "ENROLLED", trainee: { name: "张三" } } }]);
    const sql = pageStatement();
    expect(sql).toContain(`"name"`);
    expect(sql).not.toMatch(/id_card_encrypted|"phone"|"position"|"reason"|"created_at"/);
    expect(sql).not.toContain(`JOIN "enterprise"`);
  });

  it("reads for every path of the query what any of them selects of a type", async () => {
    const data = await t.ok(
      `query($cohort: ID!, $trainee: ID!) {
        cohort: node(id: $cohort) { ... on Cohort { enrollments(first: 5) { edges { node { trainee { name } } } } } }
        trainee: node(id: $trainee) { ... on Trainee { position phone enterprise { industry } } }
      }`,
      { cohort: toGlobalId("Cohort", ids.cohort), trainee: toGlobalId("Trainee", ids.trainee) },
      { token: staff.token },
    );
    expect(data.cohort.enrollments.edges[0].node.trainee).toEqual({ name: "张三" });
    expect(data.trainee).toEqual({ position: "董事长", phone: "13912345678", enterprise: { industry: "制造业" } });
    expect(pageStatement()).toContain(`"position"`);
  });

  it("reads what visibility checks need of a row the page primed, whatever the query selects", async () => {
    // The page primes the cohort with what its title needs only; node(id) then checks the cohort is not a draft.
    const data = await t.ok(
      `query($trainee: ID!, $cohort: ID!) {
        trainee: node(id: $trainee) { ... on Trainee { enrollments(first: 5) { edges { node { cohort { title } } } } } }
        cohort: node(id: $cohort) { ... on Cohort { title } }
      }`,
      { trainee: toGlobalId("Trainee", ids.trainee), cohort: toGlobalId("Cohort", ids.cohort) },
      { token: staff.token },
    );
    // A cohort's title is its course's and its number, whatever was stored.
    expect(data.trainee.enrollments.edges[0].node.cohort).toEqual({ title: "研修班 第1期" });
    expect(data.cohort).toEqual({ title: "研修班 第1期" });
    const ctx = {
      selection: { schema, fields: new Map([["Cohort", new Set(["title"])]]) },
    } as unknown as RequestContext;
    const read = neededColumns(ctx, t.ds.getMetadata(Cohort));
    expect(Array.isArray(read) && read.map((c) => c.propertyName).sort()).toEqual([
      "courseId",
      "id",
      "number",
      "status",
      "title",
    ]);
  });

  it("reads whole rows where a selected field's resolver says nothing of what it reads", () => {
    const meta = t.ds.getMetadata(Trainee);
    const ctx = (fields: string[]) =>
      ({ selection: { schema, fields: new Map([["Trainee", new Set(fields)]]) } }) as unknown as RequestContext;
    const named = (columns: ReturnType<typeof neededColumns>) =>
      Array.isArray(columns) ? columns.map((c) => c.propertyName).sort() : columns;
    expect(named(neededColumns(ctx(["name", "phone"]), meta))).toEqual([
      "enterpriseId",
      "id",
      "name",
      "phone",
      "userId",
    ]);
    expect(named(neededColumns(ctx(["name", "undeclaredField"]), meta))).toBeNull();
    expect(named(neededColumns(ctx([]), t.ds.getMetadata(Enterprise)))).toBe("unselected");
    expect(neededColumns({ selection: null } as unknown as RequestContext, meta)).toBeNull();
  });

  it("makes entities whose left-out columns refuse to be read, and take a value when written", () => {
    const meta = t.ds.getMetadata(Trainee);
    const partial = Object.create(partialPrototype(meta, new Set(["id", "name"]))) as Trainee;
    partial.id = 7;
    partial.name = "李四";
    expect(partial).toBeInstanceOf(Trainee);
    expect(partial.globalId).toBe(toGlobalId("Trainee", 7));
    expect(partial.name).toBe("李四");
    expect(() => partial.phone).toThrow("Trainee.phone was not read for this query: declare it in the @Loads");
    partial.phone = "13800000000";
    expect(partial.phone).toBe("13800000000");
  });
});
