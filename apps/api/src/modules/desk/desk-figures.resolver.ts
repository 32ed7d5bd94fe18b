import {
  Arg,
  Ctx,
  Field,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
  FieldResolver,
} from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { toGlobalId } from "../../graphql/ids";
import { figuresBy, type FigureDimension, type FigureRange, type FigureRow } from "./desk-figures.service";

@ObjectType({ description: "The desk's figures for one group (a department, category, level or month)" })
export class DeskFigureRow {
  @Field({ description: "The group: a category, level, month (YYYY-MM, Beijing), ALL, or NONE for no department yet" })
  key: string;
  @Field(() => ID, { nullable: true, description: "The department, when grouped by department" })
  departmentId: string | null;
  @Field(() => String, { nullable: true, description: "The department's name, when grouped by department" })
  label: string | null;
  @Field(() => Int) total: number;
  @Field(() => Int, { description: "Not answered for good yet" }) open: number;
  @Field(() => Int, { description: "Owed an answer past the due date" }) overdue: number;
  @Field(() => Int) closed: number;
  @Field(() => Int, { description: "Answered at least once" }) answered: number;
  @Field(() => Int, { description: "Answered, never after a due date" }) onTime: number;
  @Field(() => Int, { description: "Ratings given, every round (a reopened problem is rated again)" }) rated: number;
  @Field(() => Int, { description: "Of those, satisfied or basically satisfied" }) satisfied: number;
  @Field(() => Float, { nullable: true, description: "onTime / answered" }) onTimeRate: number | null;
  @Field(() => Float, { nullable: true, description: "satisfied / rated" }) satisfactionRate: number | null;
}

@InputType()
export class DeskFiguresRange {
  @Field(() => Date, { nullable: true, description: "Problems reported from (inclusive)" }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: "Problems reported before (exclusive)" }) to?: Date | null;
}

@ObjectType({ description: "Open, overdue, on-time and satisfaction figures of the service desk" })
export class DeskFigures {
  range: FigureRange;
}

const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10000) / 10000 : null);

function present(rows: FigureRow[]): DeskFigureRow[] {
  return rows.map((r) => ({
    ...r,
    departmentId: r.departmentId === null ? null : toGlobalId("Department", r.departmentId),
    onTimeRate: rate(r.onTime, r.answered),
    satisfactionRate: rate(r.satisfied, r.rated),
  }));
}

/** Each field is one grouped statement, run only when selected: the cost stays the same as the data grows. */
@Resolver(() => DeskFigures)
export class DeskFiguresResolver {
  @Query(() => DeskFigures, { description: "Desk staff, leaders in charge and the district head" })
  deskFigures(
    @Ctx() ctx: RequestContext,
    @Arg("range", () => DeskFiguresRange, { nullable: true }) range?: DeskFiguresRange,
  ): DeskFigures {
    ctx.requireRole("STAFF", "LEADER_IN_CHARGE", "DISTRICT_HEAD");
    return Object.assign(new DeskFigures(), { range: { from: range?.from, to: range?.to } });
  }

  private async by(ctx: RequestContext, figures: DeskFigures, dimension: FigureDimension) {
    return present(await figuresBy(ctx, dimension, figures.range));
  }

  @FieldResolver(() => DeskFigureRow, { description: "All problems in the range" })
  async total(@Root() figures: DeskFigures, @Ctx() ctx: RequestContext): Promise<DeskFigureRow> {
    return (await this.by(ctx, figures, "ALL"))[0];
  }

  @FieldResolver(() => Int, {
    description: "Problems handled to the end (closed) since the desk began: the running total",
  })
  async handledTotal(@Ctx() ctx: RequestContext): Promise<number> {
    return (await figuresBy(ctx, "ALL", {}))[0].closed;
  }

  @FieldResolver(() => [DeskFigureRow])
  byDepartment(@Root() figures: DeskFigures, @Ctx() ctx: RequestContext) {
    return this.by(ctx, figures, "DEPARTMENT");
  }

  @FieldResolver(() => [DeskFigureRow])
  byCategory(@Root() figures: DeskFigures, @Ctx() ctx: RequestContext) {
    return this.by(ctx, figures, "CATEGORY");
  }

  @FieldResolver(() => [DeskFigureRow])
  byLevel(@Root() figures: DeskFigures, @Ctx() ctx: RequestContext) {
    return this.by(ctx, figures, "LEVEL");
  }

  @FieldResolver(() => [DeskFigureRow], { description: "By month of the report, oldest first" })
  byMonth(@Root() figures: DeskFigures, @Ctx() ctx: RequestContext) {
    return this.by(ctx, figures, "MONTH");
  }
}
