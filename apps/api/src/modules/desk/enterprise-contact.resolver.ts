import { Arg, Args, Ctx, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { Connection, ConnectionArgs } from "../../graphql/connection";
import { localId } from "../../graphql/ids";
import { Loads, join } from "../../loading/declare";
import { User } from "../accounts/user.entity";
import { userById } from "../accounts/account.loaders";
import { Enterprise } from "../enterprises/enterprise.entity";
import { enterpriseById } from "../enterprises/enterprise.loaders";
import { EnterpriseContactRequest } from "./contact-request.entity";
import { EnterpriseContact } from "./department.entity";
import { deskLinks } from "./desk.policy";
import * as contacts from "./enterprise-contact.service";
import {
  ContactRequestFilter,
  DecideEnterpriseContactInput,
  DecideEnterpriseContactPayload,
  RemoveEnterpriseContactInput,
  RemoveEnterpriseContactPayload,
  RequestEnterpriseContactInput,
  RequestEnterpriseContactPayload,
} from "./enterprise-contact.inputs";

@ObjectType()
export class EnterpriseContactRequestConnection extends Connection(EnterpriseContactRequest) {}
@ObjectType()
export class EnterpriseContactConnection extends Connection(EnterpriseContact) {}

const staff = (ctx: RequestContext) => ctx.hasRole("STAFF", "ADMIN");

@Resolver(() => EnterpriseContactRequest)
export class EnterpriseContactRequestResolver {
  @Query(() => [Enterprise], {
    description: "The enterprises the signed-in person speaks for at the service desk (empty for anyone else)",
  })
  async myDeskEnterprises(@Ctx() ctx: RequestContext) {
    const links = await deskLinks(ctx);
    return Promise.all((links?.contactOf ?? []).map((id) => ctx.load(enterpriseById, id)));
  }

  @Query(() => [EnterpriseContactRequest], {
    description: "The signed-in person's requests to become an enterprise's contact, newest first",
  })
  myContactRequests(@Ctx() ctx: RequestContext) {
    const viewer = ctx.requireViewer();
    return ctx.em.find(EnterpriseContactRequest, { where: { userId: viewer.userId }, order: { id: "DESC" }, take: 20 });
  }

  @Query(() => EnterpriseContactRequestConnection, {
    description: "Requests to become an enterprise's contact, by status (staff; waiting ones by default)",
  })
  enterpriseContactRequests(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg("filter", () => ContactRequestFilter, { nullable: true }) filter?: ContactRequestFilter,
  ) {
    return contacts.searchContactRequests(ctx, filter?.status ?? "PENDING", page);
  }

  @Mutation(() => RequestEnterpriseContactPayload, {
    description:
      "Ask to become an enterprise's contact (绑定企业) by its credit code; a BIND_ENTERPRISE code to its phone on file confirms at once",
  })
  async requestEnterpriseContact(@Ctx() ctx: RequestContext, @Arg("input") input: RequestEnterpriseContactInput) {
    return { request: await contacts.requestEnterpriseContact(ctx, input), userErrors: [] };
  }

  @Mutation(() => DecideEnterpriseContactPayload, { description: "Confirm or reject a request (staff)" })
  async decideEnterpriseContact(@Ctx() ctx: RequestContext, @Arg("input") input: DecideEnterpriseContactInput) {
    const id = localId(input.requestId, "EnterpriseContactRequest");
    return { request: await contacts.decideEnterpriseContact(ctx, id, input.confirm, input.reason), userErrors: [] };
  }

  @FieldResolver(() => Enterprise)
  @Loads(EnterpriseContactRequest, { joins: [join(Enterprise, "enterpriseId", enterpriseById)] })
  enterprise(@Root() request: EnterpriseContactRequest, @Ctx() ctx: RequestContext) {
    return ctx.load(enterpriseById, request.enterpriseId);
  }

  @FieldResolver(() => User, { nullable: true, description: "Who asked (staff, or the person)" })
  @Loads(EnterpriseContactRequest, { joins: [join(User, "userId", userById)] })
  user(@Root() request: EnterpriseContactRequest, @Ctx() ctx: RequestContext) {
    if (ctx.viewer?.userId !== request.userId && !staff(ctx)) return null;
    return ctx.load(userById, request.userId);
  }
}

@Resolver(() => EnterpriseContact)
export class EnterpriseContactResolver {
  @Query(() => EnterpriseContactConnection, { description: "Enterprises' contacts at the service desk (staff)" })
  enterpriseContacts(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg("enterpriseId", () => String, { nullable: true }) enterpriseId?: string | null,
  ) {
    return contacts.searchContacts(ctx, enterpriseId ? (localId(enterpriseId, "Enterprise") ?? -1) : null, page);
  }

  @Mutation(() => RemoveEnterpriseContactPayload, { description: "End a person's link to an enterprise (staff)" })
  async removeEnterpriseContact(@Ctx() ctx: RequestContext, @Arg("input") input: RemoveEnterpriseContactInput) {
    const id = localId(input.contactId, "EnterpriseContact");
    return { contact: await contacts.removeEnterpriseContact(ctx, id, input.reason), userErrors: [] };
  }

  @FieldResolver(() => Enterprise)
  @Loads(EnterpriseContact, { joins: [join(Enterprise, "enterpriseId", enterpriseById)] })
  enterprise(@Root() contact: EnterpriseContact, @Ctx() ctx: RequestContext) {
    return ctx.load(enterpriseById, contact.enterpriseId);
  }

  @FieldResolver(() => User, { nullable: true, description: "The person (staff, or the person)" })
  @Loads(EnterpriseContact, { joins: [join(User, "userId", userById)] })
  user(@Root() contact: EnterpriseContact, @Ctx() ctx: RequestContext) {
    if (ctx.viewer?.userId !== contact.userId && !staff(ctx)) return null;
    return ctx.load(userById, contact.userId);
  }
}
