import { Arg, Args, Ctx, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { Connection, ConnectionArgs, Page } from "../../graphql/connection";
import { localId } from "../../graphql/ids";
import { nestedKey } from "../../loading/nested-page";
import { Enterprise } from "../enterprises/enterprise.entity";
import { enterpriseById } from "../enterprises/enterprise.loaders";
import { EnterpriseConnection } from "../enterprises/enterprise.resolver";
import { ApiKey } from "./api-key.entity";
import * as apiKeys from "./api-key.service";
import { Chamber } from "./chamber.entity";
import { ApiKeyStatusEnum, type ApiKeyStatus } from "./chamber.enums";
import {
  AddChamberMembersInput,
  AddChamberMembersPayload,
  ChamberFilter,
  CreateApiKeyInput,
  CreateApiKeyPayload,
  CreateChamberInput,
  CreateChamberPayload,
  RemoveChamberMembersInput,
  RemoveChamberMembersPayload,
  RevokeApiKeyInput,
  RevokeApiKeyPayload,
  RotateApiKeyInput,
  RotateApiKeyPayload,
  UpdateChamberInput,
  UpdateChamberPayload,
} from "./chamber.inputs";
import {
  apiKeysByChamber,
  chamberById,
  chamberIdsByEnterprise,
  memberCountByChamber,
  membershipsByChamber,
} from "./chamber.loaders";
import * as chambers from "./chamber.service";
import { join, Loads } from "../../loading/declare";

@ObjectType()
export class ChamberConnection extends Connection(Chamber) {}

/** Staff read chambers; a key reads its own. */
export function seesChamber(ctx: RequestContext, chamberId: number): boolean {
  return ctx.partner ? ctx.partner.chamberId === chamberId : ctx.hasRole("STAFF", "ADMIN");
}

@Resolver(() => Chamber)
export class ChamberResolver {
  @Query(() => ChamberConnection, { description: "Partner chambers by name (staff)" })
  chambers(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg("filter", () => ChamberFilter, { nullable: true }) filter?: ChamberFilter,
  ) {
    return chambers.searchChambers(ctx, filter ?? {}, page);
  }

  @Query(() => Chamber, { nullable: true, description: "The chamber whose API key makes this request; null for users" })
  myChamber(@Ctx() ctx: RequestContext) {
    return ctx.partner ? ctx.load(chamberById, ctx.partner.chamberId) : null;
  }

  @FieldResolver(() => Int)
  @Loads(Chamber)
  memberCount(@Root() chamber: Chamber, @Ctx() ctx: RequestContext) {
    return ctx.load(memberCountByChamber, chamber.id);
  }

  @FieldResolver(() => EnterpriseConnection, {
    description: "Member enterprises in order of joining (staff; the chamber's own key with MEMBERS_READ)",
  })
  @Loads(Chamber)
  async members(
    @Root() chamber: Chamber,
    @Ctx() ctx: RequestContext,
    @Args() args: ConnectionArgs,
  ): Promise<Page<Enterprise>> {
    if (ctx.partner) ctx.requireScope("MEMBERS_READ");
    else ctx.requireRole("STAFF");
    const page = (await ctx.load(membershipsByChamber, nestedKey(chamber.id, args)))!;
    const enterprises = await ctx.loader(enterpriseById).loadMany(page.edges.map((e) => e.node.enterpriseId));
    return new Page(
      page.edges.map((edge, i) => ({ cursor: edge.cursor, node: enterprises[i] as Enterprise })),
      page.pageInfo,
      () => page.totalCount,
    );
  }

  @FieldResolver(() => [ApiKey], { description: "Its API keys, newest first (admin)" })
  @Loads(Chamber)
  apiKeys(@Root() chamber: Chamber, @Ctx() ctx: RequestContext) {
    ctx.requireRole("ADMIN");
    return ctx.load(apiKeysByChamber, chamber.id);
  }

  @Mutation(() => CreateChamberPayload, { description: "Register a partner chamber (admin)" })
  async createChamber(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: CreateChamberInput,
  ): Promise<CreateChamberPayload> {
    return { chamber: await chambers.createChamber(ctx, input), userErrors: [] };
  }

  @Mutation(() => UpdateChamberPayload, { description: "Edit a partner chamber (admin)" })
  async updateChamber(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: UpdateChamberInput,
  ): Promise<UpdateChamberPayload> {
    const { chamberId, ...fields } = input;
    return { chamber: await chambers.updateChamber(ctx, localId(chamberId, "Chamber"), fields), userErrors: [] };
  }

  @Mutation(() => AddChamberMembersPayload, { description: "Add member enterprises, all or none (admin)" })
  async addChamberMembers(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: AddChamberMembersInput,
  ): Promise<AddChamberMembersPayload> {
    const id = await chambers.addChamberMembers(
      ctx,
      localId(input.chamberId, "Chamber"),
      input.enterpriseIds.map((e) => localId(e, "Enterprise")),
    );
    return { chamber: await ctx.load(chamberById, id), userErrors: [] };
  }

  @Mutation(() => RemoveChamberMembersPayload, { description: "Remove member enterprises, all or none (admin)" })
  async removeChamberMembers(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: RemoveChamberMembersInput,
  ): Promise<RemoveChamberMembersPayload> {
    const id = await chambers.removeChamberMembers(
      ctx,
      localId(input.chamberId, "Chamber"),
      input.enterpriseIds.map((e) => localId(e, "Enterprise")),
    );
    return { chamber: await ctx.load(chamberById, id), userErrors: [] };
  }
}

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @FieldResolver(() => ApiKeyStatusEnum)
  @Loads(ApiKey, { reads: ["revokedAt", "expiresAt"] })
  status(@Root() key: ApiKey): ApiKeyStatus {
    return apiKeys.apiKeyStatus(key);
  }

  @FieldResolver(() => Chamber)
  @Loads(ApiKey, { joins: [join(Chamber, "chamberId", chamberById)] })
  chamber(@Root() key: ApiKey, @Ctx() ctx: RequestContext) {
    return ctx.load(chamberById, key.chamberId);
  }

  @Mutation(() => CreateApiKeyPayload, {
    description: "Issue an API key for a chamber (admin); the secret is in this payload only",
  })
  async createApiKey(@Ctx() ctx: RequestContext, @Arg("input") input: CreateApiKeyInput): Promise<CreateApiKeyPayload> {
    const { chamberId, ...fields } = input;
    const issued = await apiKeys.createApiKey(ctx, localId(chamberId, "Chamber"), fields);
    return { ...issued, userErrors: [] };
  }

  @Mutation(() => RotateApiKeyPayload, {
    description:
      "Replace a key by a new secret with the same scopes (admin); the old one stops now or after overlapHours",
  })
  async rotateApiKey(@Ctx() ctx: RequestContext, @Arg("input") input: RotateApiKeyInput): Promise<RotateApiKeyPayload> {
    const rotated = await apiKeys.rotateApiKey(ctx, localId(input.apiKeyId, "ApiKey"), input.overlapHours);
    return { secret: rotated.secret, apiKey: rotated.apiKey, previousApiKey: rotated.previous, userErrors: [] };
  }

  @Mutation(() => RevokeApiKeyPayload, { description: "Stop a key at once (admin)" })
  async revokeApiKey(@Ctx() ctx: RequestContext, @Arg("input") input: RevokeApiKeyInput): Promise<RevokeApiKeyPayload> {
    return { apiKey: await apiKeys.revokeApiKey(ctx, localId(input.apiKeyId, "ApiKey")), userErrors: [] };
  }
}

/** The chambers an enterprise belongs to, on the enterprise. */
@Resolver(() => Enterprise)
export class EnterpriseChambersResolver {
  @FieldResolver(() => [Chamber], { description: "Partner chambers it belongs to (staff; a key sees only its own)" })
  @Loads(Enterprise)
  async chambers(@Root() enterprise: Enterprise, @Ctx() ctx: RequestContext): Promise<Chamber[]> {
    if (ctx.partner)
      return ctx.readsMember(enterprise.id) ? [(await ctx.load(chamberById, ctx.partner.chamberId))!] : [];
    ctx.requireRole("STAFF");
    const ids = (await ctx.load(chamberIdsByEnterprise, enterprise.id))!;
    return (await ctx.loader(chamberById).loadMany(ids)) as Chamber[];
  }
}
