import type { GraphQLField, GraphQLObjectType, GraphQLSchema } from "graphql";
import { TestApp } from "../../testing/harness";
import { buildAppSchema } from "../../graphql/schema";
import { LOADING, type FieldLoading } from "../declare";
import { loadingProblems } from "../plan";

let t: TestApp;
let schema: GraphQLSchema;

beforeAll(async () => {
  t = await TestApp.start();
  schema = await buildAppSchema();
});
afterAll(() => t?.close());

/** `field` with its extensions replaced for the length of `fn`. */
function withExtensions(field: GraphQLField<unknown, unknown>, extensions: object, fn: () => void) {
  const own = field.extensions;
  (field as { extensions: object }).extensions = extensions;
  try {
    fn();
  } finally {
    (field as { extensions: object }).extensions = own;
  }
}

describe("the loading declarations of the whole schema", () => {
  it("declare every field of an entity type that runs code, with columns that exist", () => {
    expect(loadingProblems(schema, t.ds)).toEqual([]);
  });

  it("name a field that declares nothing, and a declared property that is no column", () => {
    const title = (schema.getType("Cohort") as GraphQLObjectType).getFields().title;
    withExtensions(title, {}, () =>
      expect(loadingProblems(schema, t.ds)).toEqual([
        "Cohort.title runs code and declares nothing it loads: add @Loads(Cohort, …) (loading/README.md)",
      ]),
    );
    const declared = title.extensions[LOADING] as FieldLoading;
    withExtensions(title, { [LOADING]: { ...declared, reads: ["number", "courseTitle"] } }, () =>
      expect(loadingProblems(schema, t.ds)).toEqual(["Cohort.title: Cohort.courseTitle is not a column"]),
    );
    const join = { ...declared.joins[0], on: "cohortId" };
    withExtensions(title, { [LOADING]: { ...declared, joins: [join] } }, () =>
      expect(loadingProblems(schema, t.ds)).toEqual(["Cohort.title (join): Course.cohortId is not a column"]),
    );
  });
});
