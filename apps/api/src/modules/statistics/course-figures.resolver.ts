import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { Course } from "../training/course.entity";
import { courseById } from "../training/training.loaders";
import { Statistics } from "./statistics.resolver";
import { figuresByCourse } from "./course-figures.service";

@ObjectType({ description: "One course's share of the figures" })
export class CourseFigures {
  @Field(() => Course) course: Course;
  @Field(() => Int) cohorts: number;
  @Field(() => Int) traineeAttendances: number;
  @Field(() => Int, { description: "Different people among this course's attendances" }) uniqueTrainees: number;
}

@Resolver(() => Statistics)
export class StatisticsByCourseResolver {
  @FieldResolver(() => [CourseFigures], { description: "Per course, most attended first, for charts" })
  async byCourse(@Ctx() ctx: RequestContext): Promise<CourseFigures[]> {
    const rows = await figuresByCourse(ctx);
    const courses = await ctx.loader(courseById).loadMany(rows.map((r) => r.courseId));
    return rows.map((r, i) => ({ ...r, course: courses[i] as Course }));
  }
}
