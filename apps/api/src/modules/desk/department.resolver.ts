import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { join, Loads } from "../../loading/declare";
import { localId } from "../../graphql/ids";
import { User } from "../accounts/user.entity";
import { userById } from "../accounts/account.loaders";
import { Department } from "./department.entity";
import * as departments from "./department.service";
import {
  AddDepartmentHandlerInput,
  AddDepartmentHandlerPayload,
  RemoveDepartmentHandlerInput,
  RemoveDepartmentHandlerPayload,
  SetDepartmentLeaderInput,
  SetDepartmentLeaderPayload,
} from "./commissioner.inputs";
import { handlersByDepartment } from "./desk.loaders";

/** Local id of a given global id; -1 (found nowhere) for one of another type, so a wrong ID is NOT_FOUND. */
const givenId = (id: string, type: string) => localId(id, type) ?? -1;

@Resolver(() => Department)
export class DepartmentResolver {
  @FieldResolver(() => [User], { description: "Who answers its problems (desk staff and the handlers themselves)" })
  @Loads(Department)
  async handlers(@Root() department: Department, @Ctx() ctx: RequestContext) {
    const ids = await ctx.load(handlersByDepartment, department.id);
    const users = await Promise.all((ids ?? []).map((id) => ctx.load(userById, id)));
    return users.filter((u): u is User => u !== null);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: "The leader in charge (分管区领导) (desk staff and the leader)",
  })
  @Loads(Department, { joins: [join(User, "leaderUserId", userById)] })
  leader(@Root() department: Department, @Ctx() ctx: RequestContext) {
    return department.leaderUserId === null ? null : ctx.load(userById, department.leaderUserId);
  }

  @Mutation(() => AddDepartmentHandlerPayload, { description: "Desk staff add a handler to a department" })
  async addDepartmentHandler(@Ctx() ctx: RequestContext, @Arg("input") input: AddDepartmentHandlerInput) {
    const department = await departments.addDepartmentHandler(
      ctx,
      givenId(input.departmentId, "Department"),
      givenId(input.userId, "User"),
    );
    return { department, userErrors: [] };
  }

  @Mutation(() => RemoveDepartmentHandlerPayload, { description: "Desk staff take a handler off a department" })
  async removeDepartmentHandler(@Ctx() ctx: RequestContext, @Arg("input") input: RemoveDepartmentHandlerInput) {
    const department = await departments.removeDepartmentHandler(
      ctx,
      givenId(input.departmentId, "Department"),
      givenId(input.userId, "User"),
    );
    return { department, userErrors: [] };
  }

  @Mutation(() => SetDepartmentLeaderPayload, {
    description: "Desk staff set or clear the leader in charge who takes a department's escalated problems",
  })
  async setDepartmentLeader(@Ctx() ctx: RequestContext, @Arg("input") input: SetDepartmentLeaderInput) {
    const leader = input.leaderId == null ? null : givenId(input.leaderId, "User");
    const department = await departments.setDepartmentLeader(ctx, givenId(input.departmentId, "Department"), leader);
    return { department, userErrors: [] };
  }
}
