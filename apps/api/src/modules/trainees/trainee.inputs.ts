import { Field, ID, InputType, ObjectType } from "type-graphql";
import type { Gender } from "@zuofu/shared";
import { GenderEnum } from "../../graphql/enums";
import { UserError } from "../../graphql/errors";
import { MaxLen } from "../../graphql/validation";
import { Trainee } from "./trainee.entity";
import { TraineeEnterpriseLink } from "./trainee-enterprise-link.entity";
import { TraineeEnterpriseLinkStatusEnum, type TraineeEnterpriseLinkStatus } from "./trainee.enums";

@InputType({ description: "Profile fields; an omitted field stays as it is, null clears it" })
export class TraineeProfileInput {
  @Field({ nullable: true }) @MaxLen(64) name?: string;
  @Field(() => GenderEnum, { nullable: true }) gender?: Gender | null;
  @Field(() => String, { nullable: true }) @MaxLen(18) idCardNumber?: string | null;
  @Field(() => String, { nullable: true }) @MaxLen(64) position?: string | null;
  @Field(() => ID, { nullable: true }) enterpriseId?: string | null;
}

@InputType()
export class UpdateMyProfileInput extends TraineeProfileInput {}

@ObjectType()
export class UpdateMyProfilePayload {
  @Field(() => Trainee, { nullable: true }) trainee?: Trainee;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class CreateTraineeInput extends TraineeProfileInput {
  @Field() @MaxLen(64) declare name: string;
  @Field(() => String, { nullable: true }) @MaxLen(20) phone?: string | null;
}

@ObjectType()
export class CreateTraineePayload {
  @Field(() => Trainee, { nullable: true }) trainee?: Trainee;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class UpdateTraineeInput extends TraineeProfileInput {
  @Field(() => ID) traineeId: string;
  @Field(() => String, { nullable: true }) @MaxLen(20) phone?: string | null;
}

@ObjectType()
export class UpdateTraineePayload {
  @Field(() => Trainee, { nullable: true }) trainee?: Trainee;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class TraineeFilter {
  @Field({ nullable: true, description: "Name prefix, whole phone number or whole ID-card number" })
  @MaxLen(64)
  search?: string;
  @Field(() => ID, { nullable: true }) enterpriseId?: string;
}

@InputType()
export class TraineeEnterpriseLinkFilter {
  @Field(() => TraineeEnterpriseLinkStatusEnum, { nullable: true, description: "PENDING when omitted" })
  status?: TraineeEnterpriseLinkStatus;
}

@InputType()
export class ConfirmTraineeEnterpriseLinkInput {
  @Field(() => ID, { description: "A PENDING link" }) linkId: string;
  @Field(() => String, { nullable: true }) @MaxLen(500) reason?: string | null;
}

@InputType()
export class RejectTraineeEnterpriseLinkInput {
  @Field(() => ID, { description: "A PENDING link" }) linkId: string;
  @Field({ description: "Shown to the trainee" }) @MaxLen(500) reason: string;
}

@ObjectType()
export class ConfirmTraineeEnterpriseLinkPayload {
  @Field(() => TraineeEnterpriseLink, { nullable: true }) link?: TraineeEnterpriseLink;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class RejectTraineeEnterpriseLinkPayload {
  @Field(() => TraineeEnterpriseLink, { nullable: true }) link?: TraineeEnterpriseLink;
  @Field(() => [UserError]) userErrors: UserError[];
}
