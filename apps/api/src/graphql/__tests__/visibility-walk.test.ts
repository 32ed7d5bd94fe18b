import "reflect-metadata";
import {
  getNamedType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import pino from "pino";
import { IsNull } from "typeorm";
import { TestApp, type CallOptions, type TestUser } from "../../testing/harness";
import { buildAppSchema } from "../schema";
import { nodeReturn } from "../visibility";
import { fromGlobalId, toGlobalId } from "../ids";
import { nodePolicies } from "../../modules/node-policies";
import { generateDemoData } from "../../demo/demo-data";
import { User } from "../../modules/accounts/user.entity";
import { Trainee } from "../../modules/trainees/trainee.entity";
import { TraineeClaim } from "../../modules/accounts/trainee-claim.entity";
import { Chamber } from "../../modules/chambers/chamber.entity";
import { NotificationDelivery } from "../../modules/notifications/notification-delivery.entity";
import { Notification } from "../../modules/notifications/notification.entity";
import { ClassSession } from "../../modules/training/class-session.entity";
import { Cohort } from "../../modules/training/cohort.entity";
import { Enrollment } from "../../modules/training/enrollment.entity";
import { Feedback } from "../../modules/training/feedback.entity";
import { createKey } from "../../modules/chambers/__tests__/fixtures";

/**
 * Every Node type and every role: whatever a field hands out (a Node, a list or a connection of
 * one) must be what `node(id)` shows the same caller. The fields come from the schema, so a new
 * type or field is walked without changing this test.
 */

type AnyField = GraphQLField<unknown, unknown>;
/** How many rows of each type a role's walk opens (its neighbours are all checked). */
const OPEN_PER_TYPE = 4;
const ALIASES = 14;

let schema: GraphQLSchema;
let nodeTypes: Set<string>;

const callable = (field: AnyField) => field.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined);

/** `{ id }` of what a field returns, or null when it returns no Node; objects in between (a summary) are opened. */
function selectionOf(field: AnyField, depth: number): string | null {
  if (!callable(field)) return null;
  const returns = nodeReturn(field, nodeTypes);
  const args = field.args.some((a) => a.name === "first") ? "(first: 100)" : "";
  if (returns === "connection") return `${field.name}${args} { edges { node { id } } }`;
  if (returns) return `${field.name}${args} { id }`;
  const named = getNamedType(field.type);
  if (depth >= 2 || !isObjectType(named) || nodeTypes.has(named.name)) return null;
  const inner = neighbourFields(named, depth + 1);
  return inner ? `${field.name}${args} { ${inner} }` : null;
}

function neighbourFields(type: GraphQLObjectType, depth = 0): string {
  return Object.values(type.getFields())
    .map((f) => selectionOf(f, depth))
    .filter(Boolean)
    .join(" ");
}

/** Every global ID in an answer. */
function idsIn(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => idsIn(v, out));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      if (k === "id" && typeof v === "string") out.add(v);
      else idsIn(v, out);
    }
  return out;
}

interface Role {
  name: string;
  opts: CallOptions;
}

interface Walk {
  /** Neighbour ids that node(id) hid from the same caller, with the field that handed each out. */
  leaks: string[];
  /** Errors other than refusals (FORBIDDEN, UNAUTHENTICATED). */
  faults: string[];
  opened: Map<string, number>;
}

describe("visibility: nothing hidden at the root is reachable through a neighbour", () => {
  jest.setTimeout(600_000);
  let t: TestApp;
  const roles: Role[] = [];
  const starts = new Set<string>();

  const gql = (query: string, opts: CallOptions) => t.gql(query, {}, opts);

  async function walk(role: Role): Promise<Walk> {
    const result: Walk = { leaks: [], faults: [], opened: new Map() };
    /** The first field that handed each id out; whether node(id) shows it, once asked. */
    const via = new Map<string, string>();
    const shown = new Map<string, boolean>();
    const queued = new Set<string>();
    const unchecked: string[] = [];
    const leak = (id: string, from: string) =>
      result.leaks.push(`${role.name}: ${from} -> ${fromGlobalId(id)!.type} ${id}`);
    const note = (errors: { message: string; extensions?: { code?: string } }[] | undefined, where: string) => {
      for (const e of errors ?? [])
        if (!["FORBIDDEN", "UNAUTHENTICATED"].includes(e.extensions?.code ?? ""))
          result.faults.push(`${role.name} ${where}: ${e.extensions?.code} ${e.message}`);
    };
    const queue = (id: string) => {
      if (queued.has(id)) return;
      queued.add(id);
      unchecked.push(id);
    };
    const reached = (ids: Set<string>, from: string) => {
      for (const id of ids) {
        if (!via.has(id)) via.set(id, from);
        if (shown.get(id) === false) leak(id, from);
        queue(id);
      }
    };

    // Root lists and single roots: what they hand out must be visible by node(id) too.
    const query = schema.getQueryType()!;
    for (const field of Object.values(query.getFields())) {
      if (field.name === "node") continue;
      const selection = selectionOf(field, 0);
      if (!selection) continue;
      const res = await gql(`{ ${selection} }`, role.opts);
      note(res.errors, `Query.${field.name}`);
      reached(idsIn(res.data, new Set()), `Query.${field.name}`);
    }
    starts.forEach(queue);

    while (unchecked.length) {
      const batch = unchecked.splice(0, ALIASES);
      const res = await gql(
        `{ ${batch.map((id, i) => `n${i}: node(id: "${id}") { id __typename }`).join(" ")} }`,
        role.opts,
      );
      note(res.errors, "node");
      const open: string[] = [];
      batch.forEach((id, i) => {
        const row = res.data?.[`n${i}`];
        shown.set(id, Boolean(row));
        if (!row) {
          if (via.has(id)) leak(id, via.get(id)!);
          return;
        }
        const type = row.__typename as string;
        const n = result.opened.get(type) ?? 0;
        // The chosen starting rows are always opened; what the walk reaches, a few per type.
        if (starts.has(id) || n < OPEN_PER_TYPE) {
          result.opened.set(type, n + 1);
          open.push(id);
        }
      });
      for (const id of open) {
        const type = schema.getType(fromGlobalId(id)!.type) as GraphQLObjectType;
        const fields = neighbourFields(type);
        if (!fields) continue;
        const res = await gql(`{ node(id: "${id}") { ... on ${type.name} { ${fields} } } }`, role.opts);
        note(res.errors, `${type.name} ${id}`);
        for (const [field, value] of Object.entries(res.data?.node ?? {}))
          reached(idsIn(value, new Set()), `${type.name}.${field}`);
      }
    }
    return result;
  }

  beforeAll(async () => {
    t = await TestApp.start();
    await generateDemoData(t.ds, t.config, pino({ level: "silent" }), { scale: 1 });
    schema = await buildAppSchema();
    const node = schema.getType("Node");
    if (!node || !isInterfaceType(node)) throw new Error("no Node interface");
    nodeTypes = new Set(schema.getPossibleTypes(node).map((o) => o.name));

    const demo = async (phone: string) => t.ds.getRepository(User).findOneByOrFail({ phone });
    const [admin, staff, judge, trainee] = await Promise.all(
      ["13800000001", "13800000002", "13800000003", "13800000004"].map(demo),
    );
    const token = async (user: User) => ({ token: await t.signIn(user.id) });
    const adminOpts = await token(admin);
    const other = await t.user(["TRAINEE"], "另一位学员");

    // Rows the demo data has none of: a calendar link, feedback, API keys (and their audit entries), a failed delivery.
    const traineeOpts = await token(trainee);
    const traineeRow = await t.ds.getRepository(Trainee).findOneByOrFail({ userId: trainee.id });
    await t.ok(`mutation { createCalendarFeed(input: {}) { path userErrors { code } } }`, {}, traineeOpts);
    await t.ok(`mutation { createCalendarFeed(input: {}) { path userErrors { code } } }`, {}, { token: other.token });
    const notification = await t.ds.getRepository(Notification).findOneByOrFail({ recipientUserId: trainee.id });
    await t.ds.getRepository(NotificationDelivery).insert({
      notificationId: notification.id,
      channel: "SMS",
      status: "FAILED",
      attempts: 3,
      nextAttemptAt: new Date(),
      lastError: "gateway refused",
    });
    // Another account's claim on an imported record, waiting for staff.
    const imported = await t.ds.getRepository(Trainee).findOneByOrFail({ userId: IsNull() });
    await t.ds.getRepository(TraineeClaim).insert({
      userId: other.userId,
      traineeId: imported.id,
      status: "PENDING",
      typedName: "另一位学员",
      typedIdCardHash: null,
      typedIdCardMasked: null,
      mismatches: ["NAME"],
    });
    const enrollment = await t.ds.getRepository(Enrollment).findOneByOrFail({ traineeId: traineeRow.id });
    await t.ds.getRepository(Feedback).insert({
      enrollmentId: enrollment.id,
      cohortId: enrollment.cohortId,
      sessionId: null,
      target: "cohort",
      rating: 5,
      comment: "很有收获",
    });
    // A draft cohort's class day (the finding's path), whatever the demo data holds.
    const draft = await t.ds.getRepository(Cohort).findOneByOrFail({ status: "DRAFT" });
    await t.ds.getRepository(ClassSession).save({
      cohortId: draft.id,
      topic: "草稿班的课",
      startsAt: new Date("2030-01-01T01:00:00Z"),
      endsAt: new Date("2030-01-01T03:00:00Z"),
      venue: "学院",
    });
    const chamber = await t.ds
      .getRepository(Chamber)
      .createQueryBuilder("c")
      .innerJoin("chamber_membership", "m", "m.chamber_id = c.id")
      .innerJoin(Trainee, "tr", "tr.enterprise_id = m.enterprise_id")
      .orderBy("c.id")
      .getOneOrFail();
    const chamberId = toGlobalId("Chamber", chamber.id);
    const adminUser: TestUser = { userId: admin.id, traineeId: null, token: adminOpts.token, phone: admin.phone };
    const key = async (scopes: string[]) => ({
      token: (await createKey(t, adminUser, chamberId, scopes, { hourlyBudget: 10_000 })).secret,
    });

    roles.push(
      { name: "anonymous", opts: {} },
      { name: "trainee", opts: traineeOpts },
      { name: "another trainee", opts: { token: other.token } },
      { name: "judge", opts: await token(judge) },
      { name: "staff", opts: await token(staff) },
      { name: "admin", opts: adminOpts },
      { name: "key PUBLIC_READ", opts: await key(["PUBLIC_READ"]) },
      { name: "key MEMBERS_READ", opts: await key(["MEMBERS_READ"]) },
      { name: "key PUBLIC_READ+NOMINATIONS_WRITE", opts: await key(["PUBLIC_READ", "NOMINATIONS_WRITE"]) },
    );
    // The service desk's people (demo accounts 13800000005-09): each sees some problems and not others.
    const desk = ["enterprise contact", "department handler", "leader in charge", "commissioner", "district head"];
    for (const [i, name] of desk.entries()) roles.push({ name, opts: await token(await demo(`1380000000${i + 5}`)) });

    // Where every walk starts besides the roots: rows of every type, of every status or phase, and the trainee's own.
    for (const type of nodeTypes) {
      const meta = t.ds.entityMetadatas.find((m) => m.name === type);
      if (!meta) continue;
      const q = (s: string) => t.ds.driver.escape(s);
      const state = meta.columns.find((c) => ["status", "phase"].includes(c.propertyName));
      const rows: { id: number }[] = state
        ? await t.ds.query(
            `SELECT MIN(id) AS id FROM ${q(meta.tableName)} GROUP BY ${q(state.databaseName)} UNION SELECT MAX(id) AS id FROM ${q(meta.tableName)} GROUP BY ${q(state.databaseName)}`,
          )
        : [
            ...(await t.ds.query(`SELECT id FROM ${q(meta.tableName)} ORDER BY id LIMIT 2`)),
            ...(await t.ds.query(`SELECT id FROM ${q(meta.tableName)} ORDER BY id DESC LIMIT 2`)),
          ];
      for (const r of rows) starts.add(toGlobalId(type, Number(r.id)));
    }
    starts.add(toGlobalId("Trainee", traineeRow.id));
  });
  afterAll(() => t?.close());

  it("has a policy for every Node type, and none for a type that is not one", () => {
    expect(Object.keys(nodePolicies).sort()).toEqual([...nodeTypes].sort());
  });

  it("hides nothing at node(id) that a root list or a neighbour hands to the same caller", async () => {
    const leaks: string[] = [];
    const faults: string[] = [];
    const opened = new Set<string>();
    for (const role of roles) {
      const result = await walk(role);
      leaks.push(...result.leaks);
      faults.push(...result.faults);
      for (const type of result.opened.keys()) opened.add(type);
    }
    expect(leaks).toEqual([]);
    expect(faults).toEqual([]);
    // The walk reached every type (as staff or admin at least), so none went unchecked.
    expect([...nodeTypes].filter((type) => !opened.has(type))).toEqual([]);
  });
});
