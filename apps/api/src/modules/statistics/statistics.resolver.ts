import { Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { statistics } from "./statistics.service";

@ObjectType()
export class YearFigures {
  @Field(() => Int) year: number;
  @Field(() => Int) cohorts: number;
  @Field(() => Int) traineeAttendances: number;
}

@ObjectType({ description: "The Institute's figures, counting only what has happened (no planned cohorts)" })
export class Statistics {
  @Field(() => Int, { description: "Cohorts that have started (培训班期数)" }) cohorts: number;
  @Field(() => Int, { description: "Trainee attendances (人次): enrolled or completed places in those cohorts" })
  traineeAttendances: number;
  @Field(() => Int, { description: "Different people among those attendances" }) uniqueTrainees: number;
  @Field(() => [YearFigures], { description: "Per year, for charts" }) byYear: YearFigures[];
  @Field(() => Int, { description: "作孚沙龙 held: started and not cancelled" }) salons: number;
  @Field(() => Int, { description: "作孚讲堂 held: started and not cancelled" }) lectures: number;
  @Field(() => Int, { description: "Commendations published so far, imported ones included (表彰家次)" })
  commendations: number;
}

@Resolver()
export class StatisticsResolver {
  @Query(() => Statistics, { description: "Public figures" })
  statistics(@Ctx() ctx: RequestContext) {
    return statistics(ctx);
  }
}
