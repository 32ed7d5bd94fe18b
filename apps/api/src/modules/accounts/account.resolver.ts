import { Arg, Args, Ctx, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { maskPhone } from "@zuofu/shared";
import type { RequestContext } from "../../graphql/context";
import { Connection, ConnectionArgs, paginate } from "../../graphql/connection";
import { localId } from "../../graphql/ids";
import { Trainee } from "../trainees/trainee.entity";
import { TraineeEnterpriseLink } from "../trainees/trainee-enterprise-link.entity";
import { traineeById, traineeByUser } from "../trainees/trainee.loaders";
import { UpdateMyProfileInput, UpdateMyProfilePayload } from "../trainees/trainee.inputs";
import { profileFields } from "../trainees/trainee.resolver";
import { latestClaimByUser, userById } from "./account.loaders";
import * as accounts from "./account.service";
import {
  ChangePasswordInput,
  ChangePasswordPayload,
  CreateUserInput,
  CreateUserPayload,
  LoginInput,
  LoginPayload,
  LogoutInput,
  LogoutPayload,
  RegisterTraineeInput,
  RegisterTraineePayload,
  SetUserActiveInput,
  SetUserActivePayload,
  SetUserRolesInput,
  SetUserRolesPayload,
  UserFilter,
  RequestPhoneCodeInput,
  RequestPhoneCodePayload,
  LoginWithCodeInput,
  LoginWithCodePayload,
  ResetPasswordInput,
  ResetPasswordPayload,
  ChangePhoneInput,
  ChangePhonePayload,
  ClaimTraineeRecordInput,
  ClaimTraineeRecordPayload,
  DecideTraineeClaimInput,
  DecideTraineeClaimPayload,
  TraineeClaimFilter,
} from "./account.inputs";
import { requestPhoneCode } from "./phone-code.service";
import { TraineeClaim } from "./trainee-claim.entity";
import { User } from "./user.entity";
import { matchNameOrPhone } from "./user-search";
import { AuditEntry } from "../audit/audit-entry.entity";
import { join, Loads } from "../../loading/declare";

@ObjectType()
export class UserConnection extends Connection(User) {}

@ObjectType()
export class TraineeClaimConnection extends Connection(TraineeClaim) {}

/** Users who signed in with this very request: their payload may show their own data, though the request is anonymous. */
const signedInNow = new WeakSet<User>();
const isSelf = (ctx: RequestContext, user: User) => ctx.viewer?.userId === user.id || signedInNow.has(user);

@Resolver(() => User)
export class AccountResolver {
  @Query(() => User, { nullable: true, description: "The signed-in user; null when anonymous" })
  me(@Ctx() ctx: RequestContext): Promise<User | null> | User | null {
    return ctx.viewer ? ctx.load(userById, ctx.viewer.userId) : null;
  }

  @Query(() => UserConnection, {
    description: "Accounts (admin); search matches part of the name or a whole phone number",
  })
  users(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg("filter", () => UserFilter, { nullable: true }) filter?: UserFilter,
  ) {
    ctx.requireRole("ADMIN");
    const qb = ctx.em.createQueryBuilder(User, "user");
    if (filter?.role) qb.andWhere("user.roles LIKE :role", { role: `%${filter.role}%` });
    matchNameOrPhone(qb, "user", filter?.search);
    return paginate(qb, page, []);
  }

  @FieldResolver(() => String, { description: "Masked (138****0001) except for the person and staff" })
  @Loads(User, { reads: ["phone"] })
  phone(@Root() user: User, @Ctx() ctx: RequestContext): string {
    return isSelf(ctx, user) || ctx.hasRole("STAFF", "ADMIN") ? user.phone : maskPhone(user.phone);
  }

  @FieldResolver(() => Trainee, { nullable: true, description: "Trainee profile (the person and staff)" })
  @Loads(User)
  trainee(@Root() user: User, @Ctx() ctx: RequestContext): Promise<Trainee | null> | Trainee | null {
    if (!isSelf(ctx, user) && !ctx.hasRole("STAFF", "ADMIN")) return null;
    return ctx.load(traineeByUser, user.id);
  }

  @Mutation(() => UpdateMyProfilePayload, {
    description: "A trainee edits their own profile; a new enterprise waits for staff to confirm it",
  })
  async updateMyProfile(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: UpdateMyProfileInput,
  ): Promise<UpdateMyProfilePayload> {
    return { trainee: await accounts.updateMyProfile(ctx, profileFields(input)), userErrors: [] };
  }

  @Mutation(() => RegisterTraineePayload, { description: "Create a trainee account and sign in" })
  async registerTrainee(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: RegisterTraineeInput,
  ): Promise<RegisterTraineePayload> {
    const enterpriseId = localId(input.enterpriseId, "Enterprise");
    const result = await accounts.registerTrainee(ctx, {
      ...input,
      enterpriseId,
      enterpriseIdGiven: Boolean(input.enterpriseId),
    });
    signedInNow.add(result.user);
    return { ...result, userErrors: [] };
  }

  @Mutation(() => LoginPayload)
  async login(@Ctx() ctx: RequestContext, @Arg("input") input: LoginInput): Promise<LoginPayload> {
    const result = await accounts.login(ctx, input.phone, input.password);
    signedInNow.add(result.user);
    return { ...result, userErrors: [] };
  }

  @Mutation(() => RequestPhoneCodePayload, {
    description: "Send a six-digit code (手机验证码) for a purpose; valid 5 minutes, 5 tries, a new one after 60 s",
  })
  async requestPhoneCode(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: RequestPhoneCodeInput,
  ): Promise<RequestPhoneCodePayload> {
    return { ...(await requestPhoneCode(ctx, input.phone, input.purpose)), userErrors: [] };
  }

  @Mutation(() => LoginWithCodePayload, { description: "Sign in with a code sent to the phone, no password" })
  async loginWithCode(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: LoginWithCodeInput,
  ): Promise<LoginWithCodePayload> {
    const result = await accounts.loginWithCode(ctx, input.phone, input.phoneCode);
    signedInNow.add(result.user);
    return { ...result, userErrors: [] };
  }

  @Mutation(() => ResetPasswordPayload, { description: "Set a new password with a code sent to the phone (找回密码)" })
  async resetPassword(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: ResetPasswordInput,
  ): Promise<ResetPasswordPayload> {
    const result = await accounts.resetPassword(ctx, input);
    signedInNow.add(result.user);
    return { ...result, userErrors: [] };
  }

  @Mutation(() => ChangePhonePayload, {
    description: "Move the account to a new phone proven by code; other devices sign in again",
  })
  async changePhone(@Ctx() ctx: RequestContext, @Arg("input") input: ChangePhoneInput): Promise<ChangePhonePayload> {
    return { user: await accounts.changePhone(ctx, input), userErrors: [] };
  }

  @Mutation(() => ClaimTraineeRecordPayload, {
    description: "An account without a trainee profile claims the imported record of a phone it proves by code",
  })
  async claimTraineeRecord(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: ClaimTraineeRecordInput,
  ): Promise<ClaimTraineeRecordPayload> {
    const { status } = await accounts.claimTraineeRecord(ctx, input);
    return {
      outcome: status,
      user: (await ctx.load(userById, ctx.requireViewer().userId)) ?? undefined,
      userErrors: [],
    };
  }

  @Mutation(() => DecideTraineeClaimPayload, { description: "Confirm or reject a claim on an imported record (staff)" })
  async decideTraineeClaim(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: DecideTraineeClaimInput,
  ): Promise<DecideTraineeClaimPayload> {
    const claim = await accounts.decideTraineeClaim(
      ctx,
      localId(input.claimId, "TraineeClaim"),
      input.approve,
      input.note,
    );
    return { claim, userErrors: [] };
  }

  @Query(() => TraineeClaimConnection, { description: "Claims on imported trainee records (staff)" })
  traineeClaims(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg("filter", () => TraineeClaimFilter, { nullable: true }) filter?: TraineeClaimFilter,
  ) {
    ctx.requireRole("STAFF", "ADMIN");
    const qb = ctx.em.createQueryBuilder(TraineeClaim, "claim");
    if (filter?.status) qb.andWhere("claim.status = :status", { status: filter.status });
    return paginate(qb, page, []);
  }

  @FieldResolver(() => TraineeClaim, {
    nullable: true,
    description: "The account's latest claim on an imported record (the person and staff)",
  })
  @Loads(User)
  async traineeClaim(@Root() user: User, @Ctx() ctx: RequestContext): Promise<TraineeClaim | null> {
    if (!isSelf(ctx, user) && !ctx.hasRole("STAFF", "ADMIN")) return null;
    return ctx.load(latestClaimByUser, user.id);
  }

  @Mutation(() => LogoutPayload, { description: "Revoke this session's token (or every session)" })
  async logout(@Ctx() ctx: RequestContext, @Arg("input") input: LogoutInput): Promise<LogoutPayload> {
    await accounts.logout(ctx, input.allDevices);
    return { ok: true, userErrors: [] };
  }

  @Mutation(() => ChangePasswordPayload, { description: "Also signs out every other device" })
  async changePassword(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: ChangePasswordInput,
  ): Promise<ChangePasswordPayload> {
    return { user: await accounts.changePassword(ctx, input.currentPassword, input.newPassword), userErrors: [] };
  }

  @Mutation(() => CreateUserPayload, { description: "Create a staff, judge or admin account (admin)" })
  async createUser(@Ctx() ctx: RequestContext, @Arg("input") input: CreateUserInput): Promise<CreateUserPayload> {
    return { user: await accounts.createUser(ctx, input), userErrors: [] };
  }

  @Mutation(() => SetUserRolesPayload, { description: "Change a user's roles (admin)" })
  async setUserRoles(@Ctx() ctx: RequestContext, @Arg("input") input: SetUserRolesInput): Promise<SetUserRolesPayload> {
    return { user: await accounts.setUserRoles(ctx, localId(input.userId, "User"), input.roles), userErrors: [] };
  }

  @Mutation(() => SetUserActivePayload, { description: "Disable or re-enable an account (admin)" })
  async setUserActive(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: SetUserActiveInput,
  ): Promise<SetUserActivePayload> {
    return { user: await accounts.setUserActive(ctx, localId(input.userId, "User"), input.active), userErrors: [] };
  }
}

@Resolver(() => TraineeClaim)
export class TraineeClaimResolver {
  @FieldResolver(() => User, { nullable: true, description: "The account that claims (staff, or the person)" })
  @Loads(TraineeClaim, { joins: [join(User, "userId", userById)] })
  user(@Root() claim: TraineeClaim, @Ctx() ctx: RequestContext): Promise<User | null> | User | null {
    if (ctx.viewer?.userId !== claim.userId && !ctx.hasRole("STAFF", "ADMIN")) return null;
    return ctx.load(userById, claim.userId);
  }

  @FieldResolver(() => Trainee, {
    nullable: true,
    description: "The imported record claimed (staff only: the claimant has not proven it is theirs)",
  })
  @Loads(TraineeClaim, { joins: [join(Trainee, "traineeId", traineeById)] })
  trainee(@Root() claim: TraineeClaim, @Ctx() ctx: RequestContext): Promise<Trainee | null> | Trainee | null {
    if (!ctx.hasRole("STAFF", "ADMIN")) return null;
    return ctx.load(traineeById, claim.traineeId);
  }
}

/** Who acted in an audit entry: here, so that audit/ (which every module writes to) needs nothing of accounts/. */
@Resolver(() => AuditEntry)
export class AuditEntryActorResolver {
  @FieldResolver(() => User, { nullable: true })
  @Loads(AuditEntry, { joins: [join(User, "actorUserId", userById)] })
  actor(@Root() entry: AuditEntry, @Ctx() ctx: RequestContext) {
    return entry.actorUserId ? ctx.load(userById, entry.actorUserId) : null;
  }
}

/** Who decided an enterprise link: here, so that trainees/ needs nothing of accounts/. */
@Resolver(() => TraineeEnterpriseLink)
export class TraineeEnterpriseLinkDeciderResolver {
  @FieldResolver(() => User, { nullable: true, description: "The staff member who decided (staff)" })
  @Loads(TraineeEnterpriseLink, { joins: [join(User, "decidedByUserId", userById)] })
  decidedBy(@Root() link: TraineeEnterpriseLink, @Ctx() ctx: RequestContext) {
    ctx.requireRole("STAFF");
    return link.decidedByUserId ? ctx.load(userById, link.decidedByUserId) : null;
  }
}
