import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type { PhoneCodePurpose, Role, TraineeClaimStatus } from "@zuofu/shared";
import { PhoneCodePurposeEnum, RoleEnum, TraineeClaimStatusEnum } from "../../graphql/enums";
import { UserError } from "../../graphql/errors";
import { MaxLen } from "../../graphql/validation";
import { User } from "./user.entity";
import { TraineeClaim } from "./trainee-claim.entity";

@InputType()
export class RegisterTraineeInput {
  @Field() @MaxLen(64) name: string;
  @Field({ description: "Mainland mobile number; the login name" }) @MaxLen(20) phone: string;
  @Field({ description: "At least 8 characters with letters and digits" }) password: string;
  @Field({ description: "The six-digit code sent to the phone for REGISTER (requestPhoneCode)" })
  @MaxLen(12)
  phoneCode: string;
  @Field(() => String, { nullable: true, description: "18-character resident ID card number" })
  @MaxLen(18)
  idCardNumber?: string | null;
  @Field(() => ID, { nullable: true }) enterpriseId?: string | null;
}

@InputType()
export class LoginInput {
  @Field() @MaxLen(20) phone: string;
  @Field() @MaxLen(128) password: string;
}

@ObjectType()
export class RegisterTraineePayload {
  @Field(() => String, { nullable: true, description: "Bearer token of the new session" }) token?: string;
  @Field(() => User, { nullable: true }) user?: User;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class LoginPayload {
  @Field(() => String, { nullable: true, description: "Bearer token of the new session" }) token?: string;
  @Field(() => User, { nullable: true }) user?: User;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class LogoutInput {
  @Field({ defaultValue: false, description: "Sign out every device, not only this one" }) allDevices: boolean;
}

@ObjectType()
export class LogoutPayload {
  @Field({ nullable: true }) ok?: boolean;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class ChangePasswordInput {
  @Field() @MaxLen(128) currentPassword: string;
  @Field() newPassword: string;
}

@ObjectType()
export class ChangePasswordPayload {
  @Field(() => User, { nullable: true }) user?: User;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class CreateUserInput {
  @Field() @MaxLen(64) name: string;
  @Field() @MaxLen(20) phone: string;
  @Field() password: string;
  @Field(() => [RoleEnum]) roles: Role[];
}

@ObjectType()
export class CreateUserPayload {
  @Field(() => User, { nullable: true }) user?: User;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class SetUserRolesInput {
  @Field(() => ID) userId: string;
  @Field(() => [RoleEnum]) roles: Role[];
}

@ObjectType()
export class SetUserRolesPayload {
  @Field(() => User, { nullable: true }) user?: User;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class SetUserActiveInput {
  @Field(() => ID) userId: string;
  @Field() active: boolean;
}

@ObjectType()
export class SetUserActivePayload {
  @Field(() => User, { nullable: true }) user?: User;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class UserFilter {
  @Field(() => RoleEnum, { nullable: true }) role?: Role;
  @Field({ nullable: true, description: "Part of the name, or a whole phone number" }) @MaxLen(64) search?: string;
}

@InputType()
export class RequestPhoneCodeInput {
  @Field({ description: "Mainland mobile number the code goes to" }) @MaxLen(20) phone: string;
  @Field(() => PhoneCodePurposeEnum) purpose: PhoneCodePurpose;
}

@ObjectType({ description: "The answer is the same whether or not the phone has an account" })
export class RequestPhoneCodePayload {
  @Field(() => String, { nullable: true, description: "The phone, masked: 138****0001" }) sentTo?: string;
  @Field(() => Int, { nullable: true, description: "Seconds before another code may be requested" })
  resendAfterSeconds?: number;
  @Field(() => Int, { nullable: true, description: "Seconds the code stays valid" }) expiresInSeconds?: number;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class LoginWithCodeInput {
  @Field() @MaxLen(20) phone: string;
  @Field({ description: "The code sent for LOGIN" }) @MaxLen(12) phoneCode: string;
}

@ObjectType()
export class LoginWithCodePayload {
  @Field(() => String, { nullable: true, description: "Bearer token of the new session" }) token?: string;
  @Field(() => User, { nullable: true }) user?: User;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class ResetPasswordInput {
  @Field() @MaxLen(20) phone: string;
  @Field({ description: "The code sent for RESET_PASSWORD" }) @MaxLen(12) phoneCode: string;
  @Field({ description: "At least 8 characters with letters and digits" }) newPassword: string;
}

@ObjectType({ description: "Every earlier session ends; the token is a new one" })
export class ResetPasswordPayload {
  @Field(() => String, { nullable: true, description: "Bearer token of the new session" }) token?: string;
  @Field(() => User, { nullable: true }) user?: User;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class ChangePhoneInput {
  @Field({ description: "The new phone number" }) @MaxLen(20) phone: string;
  @Field({ description: "The code sent to the new phone for CHANGE_PHONE" }) @MaxLen(12) phoneCode: string;
  @Field({ description: "The current password, as a second proof" }) @MaxLen(128) password: string;
}

@ObjectType()
export class ChangePhonePayload {
  @Field(() => User, { nullable: true }) user?: User;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class ClaimTraineeRecordInput {
  @Field({ description: "The phone on the imported record" }) @MaxLen(20) phone: string;
  @Field({ description: "The code sent to that phone for CLAIM" }) @MaxLen(12) phoneCode: string;
  @Field({ description: "The person's name, as on the record" }) @MaxLen(64) name: string;
  @Field(() => String, { nullable: true }) @MaxLen(18) idCardNumber?: string | null;
}

@ObjectType()
export class ClaimTraineeRecordPayload {
  @Field(() => String, {
    nullable: true,
    description: "LINKED (the record is the account's now) or PENDING (staff confirm it)",
  })
  outcome?: "LINKED" | "PENDING";
  @Field(() => User, { nullable: true }) user?: User;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class DecideTraineeClaimInput {
  @Field(() => ID) claimId: string;
  @Field({ description: "true links the record; false gives the account a new, empty profile" }) approve: boolean;
  @Field(() => String, { nullable: true, description: "Required when rejecting" }) @MaxLen(200) note?: string | null;
}

@ObjectType()
export class DecideTraineeClaimPayload {
  @Field(() => TraineeClaim, { nullable: true }) claim?: TraineeClaim;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class TraineeClaimFilter {
  @Field(() => TraineeClaimStatusEnum, { nullable: true }) status?: TraineeClaimStatus;
}
