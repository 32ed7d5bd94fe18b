import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type { EnterpriseSize, HonorKind, HonorLevel, SocialProgramme } from "@zuofu/shared";
import { EnterpriseSizeEnum, HonorKindEnum, HonorLevelEnum, SocialProgrammeEnum } from "../../graphql/enums";
import { UserError } from "../../graphql/errors";
import { MaxLen } from "../../graphql/validation";
import { Enterprise } from "./enterprise.entity";
import { EnterpriseHonor } from "./enterprise-honor.entity";
import { SocialResponsibilityRecord } from "./social-responsibility-record.entity";

@InputType({ description: "Enterprise fields; on update an omitted field stays as it is" })
export class EnterpriseFieldsInput {
  @Field({ nullable: true }) @MaxLen(100) name?: string;
  @Field({ nullable: true }) @MaxLen(18) creditCode?: string;
  @Field(() => String, { nullable: true }) @MaxLen(64) industry?: string | null;
  @Field(() => String, { nullable: true }) @MaxLen(64) town?: string | null;
  @Field(() => EnterpriseSizeEnum, { nullable: true }) size?: EnterpriseSize | null;
  @Field(() => Int, { nullable: true }) foundedYear?: number | null;
  @Field({ nullable: true }) listed?: boolean;
  @Field(() => String, { nullable: true }) @MaxLen(16) stockCode?: string | null;
}

@InputType()
export class CreateEnterpriseInput extends EnterpriseFieldsInput {
  @Field() @MaxLen(100) declare name: string;
  @Field() @MaxLen(18) declare creditCode: string;
}

@InputType()
export class UpdateEnterpriseInput extends EnterpriseFieldsInput {
  @Field(() => ID) enterpriseId: string;
}

@ObjectType()
export class CreateEnterprisePayload {
  @Field(() => Enterprise, { nullable: true }) enterprise?: Enterprise;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class UpdateEnterprisePayload {
  @Field(() => Enterprise, { nullable: true }) enterprise?: Enterprise;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class EnterpriseFilter {
  @Field({ nullable: true, description: "Part of the name, or a whole credit code" }) @MaxLen(100) search?: string;
  @Field(() => HonorKindEnum, { nullable: true, description: "Only enterprises holding this honor" })
  honorKind?: HonorKind;
}

@InputType()
export class AddEnterpriseHonorInput {
  @Field(() => ID) enterpriseId: string;
  @Field(() => HonorKindEnum) kind: HonorKind;
  @Field(() => HonorLevelEnum) level: HonorLevel;
  @Field(() => Int) year: number;
  @Field(() => String, { nullable: true }) @MaxLen(64) certificateNumber?: string | null;
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" }) validUntil?: string | null;
}

@ObjectType()
export class AddEnterpriseHonorPayload {
  @Field(() => EnterpriseHonor, { nullable: true }) honor?: EnterpriseHonor;
  @Field(() => Enterprise, { nullable: true }) enterprise?: Enterprise | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class RemoveEnterpriseHonorInput {
  @Field(() => ID) honorId: string;
}

@ObjectType()
export class RemoveEnterpriseHonorPayload {
  @Field(() => Enterprise, { nullable: true }) enterprise?: Enterprise | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class AddSocialResponsibilityRecordInput {
  @Field(() => ID) enterpriseId: string;
  @Field(() => SocialProgrammeEnum) programme: SocialProgramme;
  @Field(() => Int, { description: "Amount in yuan" }) amountYuan: number;
  @Field(() => Int) year: number;
  @Field(() => String, { nullable: true }) @MaxLen(500) description?: string | null;
}

@ObjectType()
export class AddSocialResponsibilityRecordPayload {
  @Field(() => SocialResponsibilityRecord, { nullable: true }) record?: SocialResponsibilityRecord;
  @Field(() => Enterprise, { nullable: true }) enterprise?: Enterprise | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class RemoveSocialResponsibilityRecordInput {
  @Field(() => ID) recordId: string;
}

@ObjectType()
export class RemoveSocialResponsibilityRecordPayload {
  @Field(() => Enterprise, { nullable: true }) enterprise?: Enterprise | null;
  @Field(() => [UserError]) userErrors: UserError[];
}
