import { Arg, Args, Ctx, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { Connection, ConnectionArgs, paginate } from "../../graphql/connection";
import { nestedKey } from "../../loading/nested-page";
import { localId } from "../../graphql/ids";
import { ClassSession } from "./class-session.entity";
import { Cohort } from "./cohort.entity";
import { Course } from "./course.entity";
import { Enrollment } from "./enrollment.entity";
import { Feedback } from "./feedback.entity";
import * as cohorts from "./cohort.service";
import {
  activeEnrollmentOfTrainee,
  cohortById,
  cohortsByCourse,
  courseById,
  enrollmentsByCohort,
  sessionsByCohort,
  waitlistByCohort,
} from "./training.loaders";
import {
  ChangeCohortStatusInput,
  ChangeCohortStatusPayload,
  CohortFilter,
  CompletionPreview,
  CreateClassSessionInput,
  CreateClassSessionPayload,
  CreateCohortInput,
  CreateCohortPayload,
  CreateCourseInput,
  CreateCoursePayload,
  DeleteClassSessionInput,
  DeleteClassSessionPayload,
  EnrollmentListArgs,
  FeedbackSummary,
  UpdateClassSessionInput,
  UpdateClassSessionPayload,
  UpdateCohortInput,
  UpdateCohortPayload,
  UpdateCourseInput,
  UpdateCoursePayload,
} from "./training.inputs";
import { cohortTitle } from "@zuofu/shared";
import { join, Loads } from "../../loading/declare";

@ObjectType()
export class CohortConnection extends Connection(Cohort) {}
@ObjectType()
export class CourseConnection extends Connection(Course) {}
@ObjectType()
export class EnrollmentConnection extends Connection(Enrollment) {}

@Resolver(() => Course)
export class CourseResolver {
  @Query(() => CourseConnection, { description: "The course catalog (public)" })
  courses(@Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    return paginate(ctx.em.createQueryBuilder(Course, "course"), page, [
      { expr: "course.title", value: (c: Course) => c.title, direction: "ASC" },
    ]);
  }

  @FieldResolver(() => [Cohort], { description: "Its cohorts by number (drafts for staff only)" })
  @Loads(Course)
  cohorts(@Root() course: Course, @Ctx() ctx: RequestContext) {
    return ctx.load(cohortsByCourse, course.id);
  }

  @Mutation(() => CreateCoursePayload, { description: "Staff" })
  async createCourse(@Ctx() ctx: RequestContext, @Arg("input") input: CreateCourseInput): Promise<CreateCoursePayload> {
    return { course: await cohorts.createCourse(ctx, input), userErrors: [] };
  }

  @Mutation(() => UpdateCoursePayload, { description: "Staff" })
  async updateCourse(@Ctx() ctx: RequestContext, @Arg("input") input: UpdateCourseInput): Promise<UpdateCoursePayload> {
    const { courseId, ...fields } = input;
    return { course: await cohorts.updateCourse(ctx, localId(courseId, "Course"), fields), userErrors: [] };
  }
}

@Resolver(() => Cohort)
export class CohortResolver {
  @Query(() => CohortConnection, { description: "Cohorts, newest first (public; drafts for staff only)" })
  cohorts(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg("filter", () => CohortFilter, { nullable: true }) filter?: CohortFilter,
  ) {
    const courseId = filter?.courseId === undefined ? undefined : localId(filter.courseId, "Course");
    return cohorts.listCohorts(ctx, { ...filter, courseId }, page);
  }

  @FieldResolver(() => Course)
  @Loads(Cohort, { joins: [join(Course, "courseId", courseById)] })
  course(@Root() cohort: Cohort, @Ctx() ctx: RequestContext) {
    return ctx.load(courseById, cohort.courseId);
  }

  @FieldResolver(() => String, {
    description: "The course's title and the number: “… 第N期”, “…, cohort N” in English",
  })
  @Loads(Cohort, { reads: ["number", "title"], joins: [join(Course, "courseId", courseById, { reads: ["title"] })] })
  async title(@Root() cohort: Cohort, @Ctx() ctx: RequestContext): Promise<string> {
    const course = await ctx.load(courseById, cohort.courseId);
    return cohortTitle(course?.title ?? cohort.title, cohort.number, ctx.locale);
  }

  @FieldResolver(() => [ClassSession], { description: "Class days, in order" })
  @Loads(Cohort)
  sessions(@Root() cohort: Cohort, @Ctx() ctx: RequestContext) {
    return ctx.load(sessionsByCohort, cohort.id);
  }

  @FieldResolver(() => EnrollmentConnection, { description: "Enrollments in order of arrival (staff)" })
  @Loads(Cohort)
  enrollments(
    @Root() cohort: Cohort,
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Args() list: EnrollmentListArgs,
  ) {
    ctx.requireRole("STAFF");
    return ctx.load(
      enrollmentsByCohort,
      nestedKey(cohort.id, page, list.status ? { column: "status", value: list.status } : null),
    );
  }

  @FieldResolver(() => Int, { description: "Free seats: capacity less the seats taken, never below 0" })
  @Loads(Cohort, { reads: ["capacity", "seatsTaken"] })
  seatsLeft(@Root() cohort: Cohort): number {
    return Math.max(0, cohort.capacity - cohort.seatsTaken);
  }

  @FieldResolver(() => Int, { description: "Trainees on the waitlist" })
  @Loads(Cohort)
  async waitlistLength(@Root() cohort: Cohort, @Ctx() ctx: RequestContext): Promise<number> {
    return (await ctx.load(waitlistByCohort, cohort.id))!.length;
  }

  @FieldResolver(() => Boolean, { description: "Open, inside the enrollment window now" })
  @Loads(Cohort, { reads: ["status", "enrollmentOpensAt", "enrollmentClosesAt"] })
  openForEnrollment(@Root() cohort: Cohort): boolean {
    const now = new Date();
    return (
      cohort.status === "OPEN" &&
      (!cohort.enrollmentOpensAt || cohort.enrollmentOpensAt <= now) &&
      (!cohort.enrollmentClosesAt || cohort.enrollmentClosesAt > now)
    );
  }

  @FieldResolver(() => Enrollment, { nullable: true, description: "The signed-in trainee's active enrollment here" })
  @Loads(Cohort)
  myEnrollment(@Root() cohort: Cohort, @Ctx() ctx: RequestContext) {
    const traineeId = ctx.viewer?.traineeId;
    return traineeId ? ctx.load(activeEnrollmentOfTrainee, { cohortId: cohort.id, traineeId }) : null;
  }

  @FieldResolver(() => FeedbackSummary, { description: "Ratings and comments (staff)" })
  @Loads(Cohort)
  async feedbackSummary(@Root() cohort: Cohort, @Ctx() ctx: RequestContext): Promise<FeedbackSummary> {
    ctx.requireRole("STAFF");
    const stats = await ctx.em
      .createQueryBuilder(Feedback, "f")
      .select("COUNT(*)", "n")
      .addSelect("AVG(f.rating)", "avg")
      .where("f.cohort_id = :id AND f.session_id IS NULL", { id: cohort.id })
      .getRawOne<{ n: string | number; avg: string | number | null }>();
    const latest = await ctx.em.find(Feedback, { where: { cohortId: cohort.id }, order: { id: "DESC" }, take: 20 });
    return {
      count: Number(stats?.n ?? 0),
      averageRating: stats?.avg === null || stats?.avg === undefined ? null : Math.round(Number(stats.avg) * 100) / 100,
      latest,
    };
  }

  @FieldResolver(() => CompletionPreview, {
    nullable: true,
    description: "Staff, while IN_PROGRESS: who completing the cohort now would certify, and why not the others",
  })
  @Loads(Cohort, { reads: ["status", "completionThreshold"] })
  completionPreview(@Root() cohort: Cohort, @Ctx() ctx: RequestContext) {
    ctx.requireRole("STAFF");
    return cohort.status === "IN_PROGRESS" ? cohorts.completionPreview(ctx, cohort) : null;
  }

  @Mutation(() => CreateCohortPayload, { description: "Staff; a new cohort starts as DRAFT" })
  async createCohort(@Ctx() ctx: RequestContext, @Arg("input") input: CreateCohortInput): Promise<CreateCohortPayload> {
    const { courseId, ...fields } = input;
    return { cohort: await cohorts.createCohort(ctx, localId(courseId, "Course"), fields), userErrors: [] };
  }

  @Mutation(() => UpdateCohortPayload, { description: "Staff" })
  async updateCohort(@Ctx() ctx: RequestContext, @Arg("input") input: UpdateCohortInput): Promise<UpdateCohortPayload> {
    const { cohortId, ...fields } = input;
    return { cohort: await cohorts.updateCohort(ctx, localId(cohortId, "Cohort"), fields), userErrors: [] };
  }

  @Mutation(() => ChangeCohortStatusPayload, {
    description: "Staff: open, start, complete (issues certificates) or cancel",
  })
  async changeCohortStatus(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: ChangeCohortStatusInput,
  ): Promise<ChangeCohortStatusPayload> {
    const { cohort, completion } = await cohorts.changeCohortStatus(
      ctx,
      localId(input.cohortId, "Cohort"),
      input.status,
      input.reason,
    );
    return { cohort, completion, userErrors: [] };
  }

  @Mutation(() => CreateClassSessionPayload, { description: "Staff" })
  async createClassSession(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: CreateClassSessionInput,
  ): Promise<CreateClassSessionPayload> {
    const { cohortId, ...fields } = input;
    return { session: await cohorts.createClassSession(ctx, localId(cohortId, "Cohort"), fields), userErrors: [] };
  }

  @Mutation(() => UpdateClassSessionPayload, { description: "Staff" })
  async updateClassSession(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: UpdateClassSessionInput,
  ): Promise<UpdateClassSessionPayload> {
    const { sessionId, ...fields } = input;
    return {
      session: await cohorts.updateClassSession(ctx, localId(sessionId, "ClassSession"), fields),
      userErrors: [],
    };
  }

  @Mutation(() => DeleteClassSessionPayload, { description: "Staff; only sessions without attendance" })
  async deleteClassSession(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: DeleteClassSessionInput,
  ): Promise<DeleteClassSessionPayload> {
    const cohortId = await cohorts.deleteClassSession(ctx, localId(input.sessionId, "ClassSession"));
    return { cohort: await ctx.load(cohortById, cohortId), userErrors: [] };
  }
}
