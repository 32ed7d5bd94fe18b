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
  CreateTraineeInput,
  CreateTraineePayload,
  TraineeFilter,
  TraineeProfileInput,
  UpdateMyProfileInput,
  UpdateMyProfilePayload,
  UpdateTraineeInput,
  UpdateTraineePayload,
} from "./trainee.inputs";
import { readsOfRoot } from "../../graphql/selection";

@ObjectType()
export class TraineeConnection extends Connection(Trainee) {}

/** Profile input as the service takes it: global IDs resolved, unknown ones flagged. */
function profileFields(input: TraineeProfileInput & { phone?: string | null }): trainees.TraineeFields {
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
  idCardNumber(
    @Root() trainee: Trainee,
    @Ctx() ctx: RequestContext,
    @Arg("unmasked", { defaultValue: false }) unmasked: boolean,
  ): Promise<string | null> | string | null {
    // Masked by default even for its owner: the whole number travels only when someone asks for it.
    return unmasked ? trainees.revealIdCard(ctx, trainee) : trainee.idCardMasked;
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() trainee: Trainee, @Ctx() ctx: RequestContext) {
    return trainee.enterpriseId ? ctx.load(enterpriseById, trainee.enterpriseId) : null;
  }

  @Mutation(() => UpdateMyProfilePayload, { description: "A trainee edits their own profile" })
  async updateMyProfile(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: UpdateMyProfileInput,
  ): Promise<UpdateMyProfilePayload> {
    return { trainee: await trainees.updateMyProfile(ctx, profileFields(input)), userErrors: [] };
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

readsOfRoot(Trainee, { phone: ["phone"], idCardNumber: ["idCardMasked", "idCardEncrypted"], enterprise: [] });
