import "reflect-metadata";
import { TestApp, type TestUser } from "../../../testing/harness";
import { DerivedCohortTitles1796431000000 } from "../../../db/migrations/1796431000000-derived-cohort-titles";
import { cohortTitle } from "@zuofu/shared";
import { Cohort } from "../cohort.entity";
import { Course } from "../course.entity";
import { CREATE_COHORT, CREATE_COURSE } from "./fixtures";

let t: TestApp;
let staff: TestUser;
beforeAll(async () => {
  t = await TestApp.start();
  staff = await t.user(["STAFF"]);
});
afterAll(() => t.close());

const TITLE = `query($id: ID!) { node(id: $id) { ... on Cohort { number title } } }`;
const UPDATE_COHORT = `mutation($i: UpdateCohortInput!) { updateCohort(input: $i) { cohort { number title } userErrors { code field } } }`;
const UPDATE_COURSE = `mutation($i: UpdateCourseInput!) { updateCourse(input: $i) { userErrors { code } } }`;

describe("a cohort's title", () => {
  it("is its course's title and its number, in each language, and follows both", async () => {
    const course = (await t.ok(CREATE_COURSE, { i: { title: "数字化转型专题班" } }, { token: staff.token }))
      .createCourse.course.id;
    const fields = { courseId: course, startsOn: "2026-03-01", endsOn: "2026-03-02", capacity: 10 };
    const first = await t.ok(CREATE_COHORT, { i: fields }, { token: staff.token });
    const second = await t.ok(CREATE_COHORT, { i: fields }, { token: staff.token });
    const id = second.createCohort.cohort.id;
    expect((await t.ok(TITLE, { id: first.createCohort.cohort.id }, { token: staff.token })).node.title).toBe(
      "数字化转型专题班 第1期",
    );
    expect((await t.ok(TITLE, { id }, { token: staff.token })).node).toEqual({
      number: 2,
      title: "数字化转型专题班 第2期",
    });
    expect((await t.ok(TITLE, { id }, { token: staff.token, lang: "en" })).node.title).toBe(
      "数字化转型专题班, cohort 2",
    );

    // A title is not typed: the API refuses the field rather than storing a second truth.
    const typed = await t.gql(CREATE_COHORT, { i: { ...fields, title: "春季班" } }, { token: staff.token });
    expect(typed.errors?.[0].message).toMatch(/title/);
    expect(await t.count(Cohort, { courseId: Number(Buffer.from(course, "base64url").toString().split(":")[1]) })).toBe(
      2,
    );

    const renumbered = await t.ok(UPDATE_COHORT, { i: { cohortId: id, number: 5 } }, { token: staff.token });
    expect(renumbered.updateCohort).toEqual({
      cohort: { number: 5, title: "数字化转型专题班 第5期" },
      userErrors: [],
    });
    await t.ok(UPDATE_COURSE, { i: { courseId: course, title: "智能制造专题班" } }, { token: staff.token });
    expect((await t.ok(TITLE, { id }, { token: staff.token })).node.title).toBe("智能制造专题班 第5期");
    // The stored copy (the calendar feed's) follows too.
    expect((await t.ds.getRepository(Cohort).find({ order: { number: "ASC" } })).map((c) => c.title)).toEqual([
      "智能制造专题班 第1期",
      "智能制造专题班 第5期",
    ]);
  });

  it("typed by an older import, is derived again by the migration, for the calendar feed's stored copy", async () => {
    const course = (await t.ok(CREATE_COURSE, { i: { title: "乡村振兴专题班" } }, { token: staff.token })).createCourse
      .course.id;
    const fields = { courseId: course, startsOn: "2026-04-01", endsOn: "2026-04-02", capacity: 10 };
    const id = (await t.ok(CREATE_COHORT, { i: fields }, { token: staff.token })).createCohort.cohort.id;
    const rowId = Number(Buffer.from(id, "base64url").toString().split(":")[1]);
    // What the import stored before: the file's 班次名称.
    await t.ds.getRepository(Cohort).update({ id: rowId }, { title: "2021年春季班" });
    const runner = t.ds.createQueryRunner();
    try {
      await new DerivedCohortTitles1796431000000().up(runner);
    } finally {
      await runner.release();
    }
    expect((await t.ds.getRepository(Cohort).findOneByOrFail({ id: rowId })).title).toBe("乡村振兴专题班 第1期");
    // Every other stored title is its derived one as well.
    const courses = new Map((await t.ds.getRepository(Course).find()).map((c) => [c.id, c.title]));
    const all = await t.ds.getRepository(Cohort).find();
    expect(all.filter((c) => c.title !== cohortTitle(courses.get(c.courseId)!, c.number))).toEqual([]);
  });
});
