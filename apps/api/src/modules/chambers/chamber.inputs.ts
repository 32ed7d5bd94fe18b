import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type { ApiKeyScope, ChamberRegionKind } from "@zuofu/shared";
import { UserError } from "../../graphql/errors";
import { MaxLen } from "../../graphql/validation";
import { ApiKey } from "./api-key.entity";
import { Chamber } from "./chamber.entity";
import { ApiKeyScopeEnum, ChamberRegionKindEnum } from "./chamber.enums";

@InputType()
export class ChamberFieldsInput {
  @Field({ nullable: true }) @MaxLen(100) name?: string;
  @Field(() => ChamberRegionKindEnum, { nullable: true }) regionKind?: ChamberRegionKind;
  @Field({ nullable: true }) @MaxLen(64) city?: string;
  @Field({ nullable: true, description: "YYYY-MM-DD" }) partnerSince?: string;
  @Field(() => String, { nullable: true }) @MaxLen(200) contact?: string | null;
}
@InputType()
export class CreateChamberInput extends ChamberFieldsInput {
  @Field() @MaxLen(100) declare name: string;
  @Field(() => ChamberRegionKindEnum) declare regionKind: ChamberRegionKind;
  @Field() @MaxLen(64) declare city: string;
  @Field({ description: "YYYY-MM-DD" }) declare partnerSince: string;
}
@InputType()
export class UpdateChamberInput extends ChamberFieldsInput {
  @Field(() => ID) chamberId: string;
}
@ObjectType()
export class CreateChamberPayload {
  @Field(() => Chamber, { nullable: true }) chamber?: Chamber;
  @Field(() => [UserError]) userErrors: UserError[];
}
@ObjectType()
export class UpdateChamberPayload {
  @Field(() => Chamber, { nullable: true }) chamber?: Chamber;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class ChamberMembersInput {
  @Field(() => ID) chamberId: string;
  @Field(() => [ID], { description: "Up to 100 enterprises at once" }) enterpriseIds: string[];
}
@InputType()
export class AddChamberMembersInput extends ChamberMembersInput {}
@InputType()
export class RemoveChamberMembersInput extends ChamberMembersInput {}
@ObjectType()
export class AddChamberMembersPayload {
  @Field(() => Chamber, { nullable: true }) chamber?: Chamber | null;
  @Field(() => [UserError]) userErrors: UserError[];
}
@ObjectType()
export class RemoveChamberMembersPayload {
  @Field(() => Chamber, { nullable: true }) chamber?: Chamber | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class ChamberFilter {
  @Field({ nullable: true, description: "Part of the name, or the city" }) @MaxLen(100) search?: string;
  @Field(() => ChamberRegionKindEnum, { nullable: true }) regionKind?: ChamberRegionKind;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => ID) chamberId: string;
  @Field(() => [ApiKeyScopeEnum]) scopes: ApiKeyScope[];
  @Field(() => String, { nullable: true, description: "What the key is for (default: the chamber's name)" })
  @MaxLen(64)
  label?: string | null;
  @Field(() => Int, { nullable: true, description: "Days until the key expires: 1 to 366 (default 365)" })
  expiresInDays?: number | null;
  @Field(() => Int, { nullable: true, description: "Points per hour: 1 to 10,000 (default 5,000)" })
  hourlyBudget?: number | null;
}
@ObjectType()
export class CreateApiKeyPayload {
  @Field(() => String, { nullable: true, description: "The whole key: shown this once, never again" })
  secret?: string;
  @Field(() => ApiKey, { nullable: true }) apiKey?: ApiKey;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class RotateApiKeyInput {
  @Field(() => ID) apiKeyId: string;
  @Field(() => Int, {
    nullable: true,
    description: "Hours the old key keeps working, 0 to 168, so the partner can switch without a gap (default 0)",
  })
  overlapHours?: number | null;
}
@ObjectType()
export class RotateApiKeyPayload {
  @Field(() => String, { nullable: true, description: "The new key: shown this once, never again" })
  secret?: string;
  @Field(() => ApiKey, { nullable: true, description: "The new key" }) apiKey?: ApiKey;
  @Field(() => ApiKey, { nullable: true, description: "The key it replaces" }) previousApiKey?: ApiKey;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class RevokeApiKeyInput {
  @Field(() => ID) apiKeyId: string;
}
@ObjectType()
export class RevokeApiKeyPayload {
  @Field(() => ApiKey, { nullable: true }) apiKey?: ApiKey;
  @Field(() => [UserError]) userErrors: UserError[];
}
