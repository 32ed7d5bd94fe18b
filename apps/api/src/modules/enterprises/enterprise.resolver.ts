import { Arg, Args, Ctx, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { Connection, ConnectionArgs } from "../../graphql/connection";
import { localId } from "../../graphql/ids";
import { Enterprise } from "./enterprise.entity";
import { EnterpriseHonor } from "./enterprise-honor.entity";
import { SocialResponsibilityRecord } from "./social-responsibility-record.entity";
import { enterpriseById, honorsByEnterprise, socialRecordsByEnterprise } from "./enterprise.loaders";
import * as enterprises from "./enterprise.service";
import {
  AddEnterpriseHonorInput,
  AddEnterpriseHonorPayload,
  AddSocialResponsibilityRecordInput,
  AddSocialResponsibilityRecordPayload,
  CreateEnterpriseInput,
  CreateEnterprisePayload,
  EnterpriseFilter,
  RemoveEnterpriseHonorInput,
  RemoveEnterpriseHonorPayload,
  RemoveSocialResponsibilityRecordInput,
  RemoveSocialResponsibilityRecordPayload,
  UpdateEnterpriseInput,
  UpdateEnterprisePayload,
} from "./enterprise.inputs";
import { Loads } from "../../loading/declare";

@ObjectType()
export class EnterpriseConnection extends Connection(Enterprise) {}

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => EnterpriseConnection, { description: "Enterprises, by name (public business data)" })
  enterprises(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg("filter", () => EnterpriseFilter, { nullable: true }) filter?: EnterpriseFilter,
  ) {
    return enterprises.searchEnterprises(ctx, filter ?? {}, page);
  }

  @FieldResolver(() => [EnterpriseHonor])
  @Loads(Enterprise, { list: honorsByEnterprise })
  honors(@Root() enterprise: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.load(honorsByEnterprise, enterprise.id);
  }

  @FieldResolver(() => [SocialResponsibilityRecord])
  @Loads(Enterprise)
  socialResponsibilityRecords(@Root() enterprise: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.load(socialRecordsByEnterprise, enterprise.id);
  }

  @Mutation(() => CreateEnterprisePayload, { description: "Register an enterprise (staff)" })
  async createEnterprise(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: CreateEnterpriseInput,
  ): Promise<CreateEnterprisePayload> {
    return { enterprise: await enterprises.createEnterprise(ctx, input), userErrors: [] };
  }

  @Mutation(() => UpdateEnterprisePayload, { description: "Edit an enterprise (staff)" })
  async updateEnterprise(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: UpdateEnterpriseInput,
  ): Promise<UpdateEnterprisePayload> {
    const { enterpriseId, ...fields } = input;
    return {
      enterprise: await enterprises.updateEnterprise(ctx, localId(enterpriseId, "Enterprise"), fields),
      userErrors: [],
    };
  }

  @Mutation(() => AddEnterpriseHonorPayload, { description: "Record an honor (staff)" })
  async addEnterpriseHonor(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: AddEnterpriseHonorInput,
  ): Promise<AddEnterpriseHonorPayload> {
    const honor = await enterprises.addEnterpriseHonor(ctx, {
      ...input,
      enterpriseId: localId(input.enterpriseId, "Enterprise"),
    });
    return { honor, enterprise: await ctx.load(enterpriseById, honor.enterpriseId), userErrors: [] };
  }

  @Mutation(() => RemoveEnterpriseHonorPayload, { description: "Delete an honor recorded by mistake (staff)" })
  async removeEnterpriseHonor(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: RemoveEnterpriseHonorInput,
  ): Promise<RemoveEnterpriseHonorPayload> {
    const enterpriseId = await enterprises.removeEnterpriseHonor(ctx, localId(input.honorId, "EnterpriseHonor"));
    return { enterprise: await ctx.load(enterpriseById, enterpriseId), userErrors: [] };
  }

  @Mutation(() => AddSocialResponsibilityRecordPayload, {
    description: "Record a social-responsibility activity (staff)",
  })
  async addSocialResponsibilityRecord(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: AddSocialResponsibilityRecordInput,
  ): Promise<AddSocialResponsibilityRecordPayload> {
    const record = await enterprises.addSocialResponsibilityRecord(ctx, {
      ...input,
      enterpriseId: localId(input.enterpriseId, "Enterprise"),
    });
    return { record, enterprise: await ctx.load(enterpriseById, record.enterpriseId), userErrors: [] };
  }

  @Mutation(() => RemoveSocialResponsibilityRecordPayload, {
    description: "Delete a record entered by mistake (staff)",
  })
  async removeSocialResponsibilityRecord(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: RemoveSocialResponsibilityRecordInput,
  ): Promise<RemoveSocialResponsibilityRecordPayload> {
    const enterpriseId = await enterprises.removeSocialResponsibilityRecord(
      ctx,
      localId(input.recordId, "SocialResponsibilityRecord"),
    );
    return { enterprise: await ctx.load(enterpriseById, enterpriseId), userErrors: [] };
  }
}
