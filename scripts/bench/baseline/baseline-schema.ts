/**
 * Q1 answered by hand: graphql-js types, DataLoader and raw SQL, one statement per relation level
 * (the course joined into the cohorts, the trainee into the enrollment window). No type-graphql,
 * no TypeORM, no Apollo: what the API's answer would cost with nothing in between.
 */
import DataLoader from "dataloader";
import {
  GraphQLError,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type GraphQLFieldConfig,
  type GraphQLOutputType,
} from "graphql";
import type { RawDb, Row } from "./baseline-db";

export interface BaselineContext {
  db: RawDb;
  roles: string[];
  statements: number;
  enrollments: DataLoader<string, Row[]>;
  enterprises: DataLoader<number, Row | null>;
  honors: DataLoader<number, Row[]>;
}

const list = (type: GraphQLOutputType) => new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(type)));
const required = (type: GraphQLOutputType) => new GraphQLNonNull(type);

async function query(ctx: BaselineContext, sql: string, params: unknown[]): Promise<Row[]> {
  ctx.statements += 1;
  return ctx.db.all(sql, params);
}

const marks = (n: number) => Array.from({ length: n }, () => "?").join(",");

/** The request's loaders: enrollment pages (key "cohortId:first"), enterprises and their honors. */
export function baselineContext(db: RawDb, roles: string[]): BaselineContext {
  const q = db.q;
  const ctx: BaselineContext = {
    db,
    roles,
    statements: 0,
    enrollments: new DataLoader(async (keys) => {
      const first = Number(keys[0].split(":")[1]);
      const ids = keys.map((k) => Number(k.split(":")[0]));
      const rows = await query(
        ctx,
        `SELECT e.id, e.cohort_id, e.status, t.name AS trainee_name, t.enterprise_id FROM (SELECT id, cohort_id, trainee_id, status, ROW_NUMBER() OVER (PARTITION BY cohort_id ORDER BY id) AS rn FROM enrollment WHERE cohort_id IN (${marks(ids.length)})) e JOIN trainee t ON t.id = e.trainee_id WHERE e.rn <= ? ORDER BY e.cohort_id, e.id`,
        [...ids, first],
      );
      const byCohort = new Map<number, Row[]>(ids.map((id) => [id, []]));
      for (const row of rows) byCohort.get(Number(row.cohort_id))?.push(row);
      return ids.map((id) => byCohort.get(id)!);
    }),
    enterprises: new DataLoader(async (ids) => {
      const rows = await query(ctx, `SELECT id, name FROM enterprise WHERE id IN (${marks(ids.length)})`, [...ids]);
      const byId = new Map(rows.map((r) => [Number(r.id), r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    honors: new DataLoader(async (ids) => {
      const rows = await query(
        ctx,
        `SELECT enterprise_id, kind, ${q("year")} FROM enterprise_honor WHERE enterprise_id IN (${marks(ids.length)}) ORDER BY ${q("year")} DESC, id ASC`,
        [...ids],
      );
      const byEnterprise = new Map<number, Row[]>(ids.map((id) => [id, []]));
      for (const row of rows) byEnterprise.get(Number(row.enterprise_id))?.push(row);
      return ids.map((id) => byEnterprise.get(id)!);
    }),
  };
  return ctx;
}

type Field = GraphQLFieldConfig<Row, BaselineContext>;

const Honor = new GraphQLObjectType<Row, BaselineContext>({
  name: "EnterpriseHonor",
  fields: { kind: { type: required(GraphQLString) }, year: { type: required(GraphQLInt) } },
});

const Enterprise = new GraphQLObjectType<Row, BaselineContext>({
  name: "Enterprise",
  fields: {
    name: { type: required(GraphQLString) },
    honors: { type: list(Honor), resolve: (e, _a, ctx) => ctx.honors.load(Number(e.id)) },
  },
});

const Trainee = new GraphQLObjectType<Row, BaselineContext>({
  name: "Trainee",
  fields: {
    name: { type: required(GraphQLString) },
    enterprise: {
      type: Enterprise,
      resolve: (t, _a, ctx) => (t.enterprise_id === null ? null : ctx.enterprises.load(Number(t.enterprise_id))),
    },
  },
});

const Enrollment = new GraphQLObjectType<Row, BaselineContext>({
  name: "Enrollment",
  fields: {
    status: { type: required(GraphQLString) },
    trainee: { type: required(Trainee), resolve: (e) => ({ name: e.trainee_name, enterprise_id: e.enterprise_id }) },
  },
});

function connection(name: string, node: GraphQLObjectType<Row, BaselineContext>) {
  const edge = new GraphQLObjectType<Row, BaselineContext>({
    name: `${name}Edge`,
    fields: { node: { type: required(node) } },
  });
  return new GraphQLObjectType<Row[], BaselineContext>({
    name: `${name}Connection`,
    fields: { edges: { type: list(edge), resolve: (rows) => rows.map((node) => ({ node })) } },
  });
}

const firstArg = { first: { type: GraphQLInt, defaultValue: 20 } };

const enrollments: Field = {
  type: required(connection("Enrollment", Enrollment)),
  args: firstArg,
  resolve: (c, args: { first: number }, ctx) => ctx.enrollments.load(`${c.id}:${Math.min(args.first, 100)}`),
};

const Course = new GraphQLObjectType<Row, BaselineContext>({
  name: "Course",
  fields: { title: { type: required(GraphQLString) } },
});

const Cohort = new GraphQLObjectType<Row, BaselineContext>({
  name: "Cohort",
  fields: {
    number: { type: required(GraphQLInt) },
    course: { type: required(Course), resolve: (c) => ({ title: c.course_title }) },
    enrollments,
  },
});

export const baselineSchema = new GraphQLSchema({
  query: new GraphQLObjectType<unknown, BaselineContext>({
    name: "Query",
    fields: {
      cohorts: {
        type: required(connection("Cohort", Cohort)),
        args: firstArg,
        resolve: (_root, args: { first: number }, ctx) => {
          if (!ctx.roles.some((r) => r === "STAFF" || r === "ADMIN"))
            throw new GraphQLError("forbidden", { extensions: { code: "FORBIDDEN" } });
          // Staff see drafts too; newest first, the id breaking ties, as the API pages them.
          return query(
            ctx,
            `SELECT c.id, c.${ctx.db.q("number")}, co.title AS course_title FROM cohort c JOIN course co ON co.id = c.course_id ORDER BY c.starts_on DESC, c.id DESC LIMIT ?`,
            [Math.min(args.first, 100)],
          );
        },
      },
    },
  }),
});
