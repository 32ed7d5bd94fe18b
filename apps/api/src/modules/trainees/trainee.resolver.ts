import { Arg, Args, Ctx, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { maskPhone } from "@zuofu/shared";
import type { RequestContext } from "../../graphql/context";
import { Connection, ConnectionArgs } from "../../graphql/connection";
import { localId } from "../../graphql/ids";
import { Enterprise } from "../enterprises/enterprise.entity";
import { enterpriseById } from "../enterprises/enterprise.loaders";
import { Trainee } from "./trainee.entity";
import * as trainees from "./trainee.service";
import {
  ConfirmTraineeEnterpriseLinkInput,
  ConfirmTraineeEnterpriseLinkPayload,
  RejectTraineeEnterpriseLinkInput,
  RejectTraineeEnterpriseLinkPayload,
  TraineeEnterpriseLinkFilter,
  CreateTraineeInput,
  CreateTraineePayload,
  TraineeFilter,
  TraineeProfileInput,
  UpdateTraineeInput,
  UpdateTraineePayload,
} from "./trainee.inputs";
import { enterpriseLinksByTrainee, traineeById } from "./trainee.loaders";
import { TraineeEnterpriseLink } from "./trainee-enterprise-link.entity";
import * as links from "./trainee-enterprise-link.service";
import { join, Loads } from "../../loading/declare";

@ObjectType()
export class TraineeConnection extends Connection(Trainee) {}

@ObjectType()
export class TraineeEnterpriseLinkConnection extends Connection(TraineeEnterpriseLink) {}

/** The person and staff see someone's enterprise links; no one else. */
function requireOwnOrStaff(ctx: RequestContext, traineeId: number): void {
  if (ctx.viewer?.traineeId !== traineeId) ctx.requireRole("STAFF");
}

/** Profile input as the service takes it: global IDs resolved, unknown ones flagged. */
export function profileFields(input: TraineeProfileInput & { phone?: string | null }): trainees.TraineeFields {
  const enterpriseId = input.enterpriseId === undefined ? undefined : localId(input.enterpriseId, "Enterprise");
  return {
    name: input.name,
    gender: input.gender,
    phone: input.phone,
    idCardNumber: input.idCardNumber,
    position: input.position,
    enterpriseId,
    enterpriseUnknown: Boolean(input.enterpriseId) && enterpriseId === null,
  };
}

@Resolver(() => Trainee)
export class TraineeResolver {
  @Query(() => TraineeConnection, { description: "Trainees (staff)" })
  trainees(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg("filter", () => TraineeFilter, { nullable: true }) filter?: TraineeFilter,
  ) {
    // An absent or null filter field means "no filter".
    const enterpriseId = filter?.enterpriseId == null ? undefined : localId(filter.enterpriseId, "Enterprise");
    return trainees.searchTrainees(ctx, { search: filter?.search, enterpriseId }, page);
  }

  @FieldResolver(() => String, { nullable: true, description: "Masked except for the person and staff" })
  @Loads(Trainee, { reads: ["phone"] })
  phone(@Root() trainee: Trainee, @Ctx() ctx: RequestContext): string | null {
    if (!trainee.phone) return null;
    return ctx.viewer?.traineeId === trainee.id || ctx.hasRole("STAFF", "ADMIN")
      ? trainee.phone
      : maskPhone(trainee.phone);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Masked (500101********123X); whole for the person, or for an admin who asks with unmasked: true (audited)",
  })
  @Loads(Trainee, { reads: ["idCardMasked", "idCardEncrypted"] })
  idCardNumber(
    @Root() trainee: Trainee,
    @Ctx() ctx: RequestContext,
    @Arg("unmasked", { defaultValue: false }) unmasked: boolean,
  ): Promise<string | null> | string | null {
    // Masked by default even for its owner: the whole number travels only when someone asks for it.
    return unmasked ? trainees.revealIdCard(ctx, trainee) : trainee.idCardMasked;
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  @Loads(Trainee, { joins: [join(Enterprise, "enterpriseId", enterpriseById)] })
  enterprise(@Root() trainee: Trainee, @Ctx() ctx: RequestContext) {
    return trainee.enterpriseId ? ctx.load(enterpriseById, trainee.enterpriseId) : null;
  }

  @FieldResolver(() => TraineeEnterpriseLink, {
    nullable: true,
    description: "The trainee's own change of enterprise while staff have not confirmed it (the person and staff)",
  })
  @Loads(Trainee)
  async pendingEnterpriseLink(@Root() trainee: Trainee, @Ctx() ctx: RequestContext) {
    requireOwnOrStaff(ctx, trainee.id);
    const all = await ctx.load(enterpriseLinksByTrainee, trainee.id);
    return all?.find((l) => l.status === "PENDING") ?? null;
  }

  @FieldResolver(() => [TraineeEnterpriseLink], {
    description: "Every enterprise link and claim, newest first (the person and staff)",
  })
  @Loads(Trainee)
  enterpriseLinks(@Root() trainee: Trainee, @Ctx() ctx: RequestContext) {
    requireOwnOrStaff(ctx, trainee.id);
    return ctx.load(enterpriseLinksByTrainee, trainee.id);
  }

  @Mutation(() => CreateTraineePayload, { description: "Add a trainee record (staff)" })
  async createTrainee(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: CreateTraineeInput,
  ): Promise<CreateTraineePayload> {
    return {
      trainee: await trainees.createTrainee(ctx, { ...profileFields(input), name: input.name }),
      userErrors: [],
    };
  }

  @Mutation(() => UpdateTraineePayload, { description: "Edit a trainee record (staff)" })
  async updateTrainee(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: UpdateTraineeInput,
  ): Promise<UpdateTraineePayload> {
    return {
      trainee: await trainees.updateTrainee(ctx, localId(input.traineeId, "Trainee"), profileFields(input)),
      userErrors: [],
    };
  }
}

/** Staff confirm or reject the enterprises trainees name for themselves. */
@Resolver(() => TraineeEnterpriseLink)
export class TraineeEnterpriseLinkResolver {
  @Query(() => TraineeEnterpriseLinkConnection, {
    description: "Enterprise links by status, oldest first: the claims waiting for staff by default (staff)",
  })
  traineeEnterpriseLinks(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg("filter", () => TraineeEnterpriseLinkFilter, { nullable: true }) filter?: TraineeEnterpriseLinkFilter,
  ) {
    return links.searchEnterpriseLinks(ctx, filter?.status ?? "PENDING", page);
  }

  @FieldResolver(() => Trainee)
  @Loads(TraineeEnterpriseLink, { joins: [join(Trainee, "traineeId", traineeById)] })
  trainee(@Root() link: TraineeEnterpriseLink, @Ctx() ctx: RequestContext) {
    return ctx.load(traineeById, link.traineeId);
  }

  @FieldResolver(() => Enterprise)
  @Loads(TraineeEnterpriseLink, { joins: [join(Enterprise, "enterpriseId", enterpriseById)] })
  enterprise(@Root() link: TraineeEnterpriseLink, @Ctx() ctx: RequestContext) {
    return ctx.load(enterpriseById, link.enterpriseId);
  }

  @Mutation(() => ConfirmTraineeEnterpriseLinkPayload, {
    description: "Staff confirm a trainee's claim: it becomes the trainee's enterprise on the record",
  })
  async confirmTraineeEnterpriseLink(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: ConfirmTraineeEnterpriseLinkInput,
  ): Promise<ConfirmTraineeEnterpriseLinkPayload> {
    const link = await links.decideEnterpriseLink(
      ctx,
      localId(input.linkId, "TraineeEnterpriseLink"),
      true,
      input.reason,
    );
    return { link, userErrors: [] };
  }

  @Mutation(() => RejectTraineeEnterpriseLinkPayload, {
    description: "Staff reject a trainee's claim, with a reason; the record keeps its enterprise",
  })
  async rejectTraineeEnterpriseLink(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: RejectTraineeEnterpriseLinkInput,
  ): Promise<RejectTraineeEnterpriseLinkPayload> {
    const link = await links.decideEnterpriseLink(
      ctx,
      localId(input.linkId, "TraineeEnterpriseLink"),
      false,
      input.reason,
    );
    return { link, userErrors: [] };
  }
}

/** An enterprise's people: declared here, beside the trainees, so that enterprises/ needs nothing of trainees/. */
@Resolver(() => Enterprise)
export class EnterpriseTraineesResolver {
  @FieldResolver(() => TraineeConnection, {
    description: "People of this enterprise trained by the Institute (staff; a member's partner key with MEMBERS_READ)",
  })
  @Loads(Enterprise)
  trainees(@Root() enterprise: Enterprise, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    return trainees.searchTrainees(ctx, { enterpriseId: enterprise.id }, page);
  }
}
