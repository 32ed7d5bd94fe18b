import { Field, ID, InputType, ObjectType } from "type-graphql";
import type { ContactRequestStatus } from "@zuofu/shared";
import { UserError } from "../../graphql/errors";
import { MaxLen } from "../../graphql/validation";
import { ContactRequestStatusEnum } from "./desk.enums";
import { EnterpriseContactRequest } from "./contact-request.entity";
import { EnterpriseContact } from "./department.entity";

@InputType()
export class RequestEnterpriseContactInput {
  @Field({ description: "The enterprise's unified social credit code (统一社会信用代码)" })
  @MaxLen(30)
  creditCode: string;
  @Field(() => String, { nullable: true, description: "The enterprise's phone on file, with phoneCode" })
  @MaxLen(20)
  phone?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "A BIND_ENTERPRISE code sent to that phone: confirms at once; without it staff decide",
  })
  @MaxLen(12)
  phoneCode?: string | null;
}
@ObjectType()
export class RequestEnterpriseContactPayload {
  @Field(() => EnterpriseContactRequest, { nullable: true }) request?: EnterpriseContactRequest;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class DecideEnterpriseContactInput {
  @Field(() => ID) requestId: string;
  @Field() confirm: boolean;
  @Field(() => String, { nullable: true, description: "Required when rejecting" }) @MaxLen(200) reason?: string | null;
}
@ObjectType()
export class DecideEnterpriseContactPayload {
  @Field(() => EnterpriseContactRequest, { nullable: true }) request?: EnterpriseContactRequest;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class RemoveEnterpriseContactInput {
  @Field(() => ID) contactId: string;
  @Field(() => String, { nullable: true }) @MaxLen(200) reason?: string | null;
}
@ObjectType()
export class RemoveEnterpriseContactPayload {
  @Field(() => EnterpriseContact, { nullable: true, description: "The link as it was" }) contact?: EnterpriseContact;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class ContactRequestFilter {
  @Field(() => ContactRequestStatusEnum, { nullable: true }) status?: ContactRequestStatus | null;
}
