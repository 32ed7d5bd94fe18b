import { Arg, Args, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { join, Loads } from "../../loading/declare";
import { defineLoader } from "../../loading/loader";
import { Connection, ConnectionArgs } from "../../graphql/connection";
import { fail } from "../../graphql/errors";
import { localId } from "../../graphql/ids";
import { User } from "../accounts/user.entity";
import { userById } from "../accounts/account.loaders";
import { UserConnection } from "../accounts/account.resolver";
import { Enterprise } from "../enterprises/enterprise.entity";
import { EnterpriseConnection } from "../enterprises/enterprise.resolver";
import { enterpriseById } from "../enterprises/enterprise.loaders";
import { CommissionerAssignment, Visit } from "./commissioner.entity";
import * as commissioners from "./commissioner.service";
import {
  AssignCommissionerInput,
  AssignCommissionerPayload,
  CommissionerAssignmentFilter,
  DeskPeopleFilter,
  LogVisitInput,
  LogVisitPayload,
  UnassignCommissionerInput,
  UnassignCommissionerPayload,
  VisitFilter,
} from "./commissioner.inputs";
import { problemsByVisit, visitById } from "./desk.loaders";
import { Problem } from "./problem.entity";
import { filterId } from "./problem.resolver";

@ObjectType()
export class CommissionerAssignmentConnection extends Connection(CommissionerAssignment) {}
@ObjectType()
export class VisitConnection extends Connection(Visit) {}

const DESK_PEOPLE_ROLES = ["COMMISSIONER", "DEPARTMENT_HANDLER", "LEADER_IN_CHARGE"];

@ObjectType({ description: "A commissioner's enterprises: how many they serve, how many are overdue for a visit" })
export class CommissionerCoverage {
  @Field(() => Int, { description: "Key enterprises served now" }) enterprises: number;
  @Field(() => Int, { description: "Of those, with no visit for 90 days" }) overdue: number;
  @Field(() => String, { nullable: true, description: "The latest visit to any of them (YYYY-MM-DD)" })
  lastVisitOn: string | null;
}

@ObjectType({ description: "Key enterprises and small ones of one town or street (镇街)" })
export class TownCoverage {
  @Field(() => String, { nullable: true, description: "Null for enterprises with no town on record" })
  town: string | null;
  @Field(() => Int, { description: "Key enterprises with a commissioner" }) keyEnterprises: number;
  @Field(() => Int, { description: "Key enterprises with no visit for 90 days" }) overdue: number;
  @Field(() => Int, { description: "Small (non-key) enterprises, served point to point by the town" })
  smallEnterprises: number;
  @Field(() => Int, { description: "Small enterprises with no contact person at the desk" })
  smallWithoutContact: number;
}

@ObjectType({
  description: "Which key enterprises go unvisited, and which towns' small enterprises have no contact person",
})
export class DeskCoverage {
  @Field(() => Int, { description: "A key enterprise with no visit for this many days is overdue" })
  overdueDays: number;
  @Field({ description: "The last day (YYYY-MM-DD, Beijing) whose visit still counts today" }) visitedSince: string;
}

const commissionerCoverageByUser = defineLoader<number, commissioners.CommissionerCoverage>(
  "commissionerCoverageByUser",
  (ctx, ids) => commissioners.coverageOfCommissioners(ctx, ids),
);

@Resolver(() => CommissionerAssignment)
export class CommissionerResolver {
  @Query(() => CommissionerAssignmentConnection, {
    description:
      "Commissioners' key enterprises, never or longest unvisited first: a commissioner's own (我的企业); desk staff and the leaders all",
  })
  commissionerAssignments(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg("filter", () => CommissionerAssignmentFilter, { nullable: true }) filter?: CommissionerAssignmentFilter,
  ) {
    return commissioners.listAssignments(
      ctx,
      {
        ...filter,
        commissionerId: filterId(filter?.commissionerId, "User"),
        enterpriseId: filterId(filter?.enterpriseId, "Enterprise"),
      },
      page,
    );
  }

  @Query(() => VisitConnection, {
    description: "Visits, latest first: a commissioner's own and their enterprises'; desk staff and the leaders all",
  })
  visits(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg("filter", () => VisitFilter, { nullable: true }) filter?: VisitFilter,
  ) {
    return commissioners.listVisits(
      ctx,
      {
        enterpriseId: filterId(filter?.enterpriseId, "Enterprise"),
        commissionerId: filterId(filter?.commissionerId, "User"),
      },
      page,
    );
  }

  @Query(() => UserConnection, {
    description:
      "Active accounts with a desk role, by name (staff): commissioners, department handlers, leaders in charge",
  })
  deskPeople(@Ctx() ctx: RequestContext, @Args() page: ConnectionArgs, @Arg("filter") filter: DeskPeopleFilter) {
    ctx.requireRole("STAFF");
    if (!DESK_PEOPLE_ROLES.includes(filter.role)) fail("INVALID_VALUE", "role");
    return commissioners.deskPeople(ctx, filter.role, filter.search, page);
  }

  @Query(() => DeskCoverage, { description: "The commissioners' coverage (desk staff)" })
  deskCoverage(@Ctx() ctx: RequestContext): DeskCoverage {
    ctx.requireRole("STAFF");
    return Object.assign(new DeskCoverage(), {
      overdueDays: commissioners.VISIT_DUE_DAYS,
      visitedSince: commissioners.visitCutoff(),
    });
  }

  @FieldResolver(() => Enterprise)
  @Loads(CommissionerAssignment, { joins: [join(Enterprise, "enterpriseId", enterpriseById)] })
  enterprise(@Root() assignment: CommissionerAssignment, @Ctx() ctx: RequestContext) {
    return ctx.load(enterpriseById, assignment.enterpriseId);
  }

  @FieldResolver(() => User, { nullable: true, description: "The cadre (the commissioner and desk staff)" })
  @Loads(CommissionerAssignment, { joins: [join(User, "commissionerUserId", userById)] })
  commissioner(@Root() assignment: CommissionerAssignment, @Ctx() ctx: RequestContext) {
    return ctx.load(userById, assignment.commissionerUserId);
  }

  @FieldResolver(() => Boolean, { description: "Current" })
  @Loads(CommissionerAssignment, { reads: ["current"] })
  current(@Root() assignment: CommissionerAssignment): boolean {
    return assignment.current === true;
  }

  @FieldResolver(() => Boolean, { description: "Current, and no visit for 90 days" })
  @Loads(CommissionerAssignment, { reads: ["current", "lastVisitOn"] })
  visitOverdue(@Root() assignment: CommissionerAssignment): boolean {
    return assignment.current === true && commissioners.isVisitOverdue(assignment.lastVisitOn);
  }

  @Mutation(() => AssignCommissionerPayload, {
    description:
      "Desk staff make a cadre the commissioner (亲清特使) of key enterprises; another's enterprise changes hands",
  })
  async assignCommissioner(@Ctx() ctx: RequestContext, @Arg("input") input: AssignCommissionerInput) {
    const assignments = await commissioners.assignCommissioner(
      ctx,
      localId(input.commissionerId, "User"),
      input.enterpriseIds.map((id) => localId(id, "Enterprise")),
    );
    return { assignments, userErrors: [] };
  }

  @Mutation(() => UnassignCommissionerPayload, {
    description: "Desk staff end enterprises' commissioner assignments (kept as history)",
  })
  async unassignCommissioner(@Ctx() ctx: RequestContext, @Arg("input") input: UnassignCommissionerInput) {
    const ids = input.enterpriseIds.map((id) => localId(id, "Enterprise"));
    return { assignments: await commissioners.unassignCommissioner(ctx, ids), userErrors: [] };
  }

  @Mutation(() => LogVisitPayload, { description: "A commissioner logs a visit to an enterprise they serve" })
  async logVisit(@Ctx() ctx: RequestContext, @Arg("input") input: LogVisitInput) {
    const visit = await commissioners.logVisit(ctx, {
      ...input,
      enterpriseId: localId(input.enterpriseId, "Enterprise"),
    });
    return { visit, userErrors: [] };
  }
}

@Resolver(() => Visit)
export class VisitResolver {
  @FieldResolver(() => Enterprise)
  @Loads(Visit, { joins: [join(Enterprise, "enterpriseId", enterpriseById)] })
  enterprise(@Root() visit: Visit, @Ctx() ctx: RequestContext) {
    return ctx.load(enterpriseById, visit.enterpriseId);
  }

  @FieldResolver(() => User, { nullable: true, description: "Who visited (the commissioner and desk staff)" })
  @Loads(Visit, { joins: [join(User, "commissionerUserId", userById)] })
  commissioner(@Root() visit: Visit, @Ctx() ctx: RequestContext) {
    return ctx.load(userById, visit.commissionerUserId);
  }

  @FieldResolver(() => [Problem], { description: "Problems raised from this visit, that the caller may see" })
  @Loads(Visit)
  problems(@Root() visit: Visit, @Ctx() ctx: RequestContext) {
    return ctx.load(problemsByVisit, visit.id);
  }
}

/** Declared here, beside visits, so that problems need nothing of the commissioners' side. */
@Resolver(() => Problem)
export class ProblemVisitResolver {
  @FieldResolver(() => Visit, { nullable: true, description: "The visit it was raised from (who may see the visit)" })
  @Loads(Problem, { joins: [join(Visit, "visitId", visitById)] })
  visit(@Root() problem: Problem, @Ctx() ctx: RequestContext) {
    return problem.visitId === null ? null : ctx.load(visitById, problem.visitId);
  }
}

@Resolver(() => User)
export class UserCommissionerResolver {
  @FieldResolver(() => CommissionerCoverage, {
    nullable: true,
    description: "A commissioner's enterprises and visits (the commissioner and desk staff)",
  })
  @Loads(User, { reads: ["roles"] })
  commissionerCoverage(@Root() user: User, @Ctx() ctx: RequestContext) {
    if (!user.roles.includes("COMMISSIONER")) return null;
    if (ctx.viewer?.userId !== user.id && !ctx.hasRole("STAFF", "ADMIN")) return null;
    return ctx.load(commissionerCoverageByUser, user.id);
  }
}

@Resolver(() => DeskCoverage)
export class DeskCoverageResolver {
  @FieldResolver(() => Int, { description: "Enterprises with a commissioner now" })
  async keyEnterprises(@Ctx() ctx: RequestContext) {
    return (await this.totals(ctx))?.keyEnterprises ?? 0;
  }

  @FieldResolver(() => Int, { description: "Key enterprises with no visit for 90 days" })
  async overdueEnterprises(@Ctx() ctx: RequestContext) {
    return (await this.totals(ctx))?.overdue ?? 0;
  }

  private totals(ctx: RequestContext) {
    return ctx.load(coverageTotals, 0);
  }

  @FieldResolver(() => [TownCoverage], { description: "By town or street, in order" })
  byTown(@Ctx() ctx: RequestContext) {
    return commissioners.coverageByTown(ctx);
  }

  @FieldResolver(() => EnterpriseConnection, {
    description: "A town's small (non-key) enterprises with no contact person at the desk, by name",
  })
  smallWithoutContact(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg("town", () => String, { nullable: true, description: "Null: enterprises with no town on record" })
    town: string | null,
  ) {
    return commissioners.smallWithoutContact(ctx, town ?? null, page);
  }
}

/** Both totals come from one statement, however many of them a query selects. */
const coverageTotals = defineLoader<number, commissioners.CoverageTotals>("coverageTotals", async (ctx, keys) => {
  const totals = await commissioners.coverageTotals(ctx);
  return keys.map(() => totals);
});
