import { Field, ID, InputType, ObjectType } from "type-graphql";
import type { Role } from "@zuofu/shared";
import { RoleEnum } from "../../graphql/enums";
import { UserError } from "../../graphql/errors";
import { MaxLen } from "../../graphql/validation";
import { User } from "./user.entity";

@InputType()
export class RegisterTraineeInput {
  @Field() @MaxLen(64) name: string;
  @Field({ description: "Mainland mobile number; the login name" }) @MaxLen(20) phone: string;
  @Field({ description: "At least 8 characters with letters and digits" }) password: string;
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
  @Field({ nullable: true, description: "Name prefix or whole phone number" }) @MaxLen(64) search?: string;
}
