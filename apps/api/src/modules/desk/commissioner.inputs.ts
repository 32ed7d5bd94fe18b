import { Field, ID, InputType, ObjectType } from "type-graphql";
import type { Role } from "@zuofu/shared";
import { UserError } from "../../graphql/errors";
import { MaxLen } from "../../graphql/validation";
import { RoleEnum } from "../../graphql/enums";
import { CommissionerAssignment, Visit } from "./commissioner.entity";
import { Department } from "./department.entity";

@InputType()
export class AssignCommissionerInput {
  @Field(() => ID, { description: "A cadre's account with the COMMISSIONER role" }) commissionerId: string;
  @Field(() => [ID], { description: "Key enterprises, 1 to 100; all are assigned or none" }) enterpriseIds: string[];
}
@ObjectType()
export class AssignCommissionerPayload {
  @Field(() => [CommissionerAssignment], { nullable: true }) assignments?: CommissionerAssignment[];
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class UnassignCommissionerInput {
  @Field(() => [ID], { description: "Enterprises, 1 to 100, each with a commissioner now" }) enterpriseIds: string[];
}
@ObjectType()
export class UnassignCommissionerPayload {
  @Field(() => [CommissionerAssignment], { nullable: true, description: "The ended assignments" })
  assignments?: CommissionerAssignment[];
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class LogVisitInput {
  @Field(() => ID) enterpriseId: string;
  @Field({ description: "The day of the visit in Beijing (YYYY-MM-DD), not after today" })
  @MaxLen(10)
  visitedOn: string;
  @Field({ description: "Whom the commissioner met" }) @MaxLen(200) met: string;
  @Field({ description: "What was found" }) @MaxLen(2000) findings: string;
}
@ObjectType()
export class LogVisitPayload {
  @Field(() => Visit, { nullable: true }) visit?: Visit;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class CommissionerAssignmentFilter {
  @Field(() => ID, { nullable: true }) commissionerId?: string | null;
  @Field(() => ID, { nullable: true }) enterpriseId?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Current ones (default), or past ones with false" })
  current?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Only those with no visit for 90 days" }) overdue?:
    boolean | null;
  @Field(() => String, { nullable: true, description: "The enterprise's town or street (镇街)" })
  @MaxLen(64)
  town?: string | null;
}

@InputType()
export class VisitFilter {
  @Field(() => ID, { nullable: true }) enterpriseId?: string | null;
  @Field(() => ID, { nullable: true }) commissionerId?: string | null;
}

@InputType()
export class DeskPeopleFilter {
  @Field(() => RoleEnum, { description: "COMMISSIONER, DEPARTMENT_HANDLER or LEADER_IN_CHARGE" }) role: Role;
  @Field(() => String, { nullable: true, description: "Part of the name, or a whole phone number" })
  @MaxLen(64)
  search?: string | null;
}

@InputType()
export class AddDepartmentHandlerInput {
  @Field(() => ID) departmentId: string;
  @Field(() => ID, { description: "An account with the DEPARTMENT_HANDLER role" }) userId: string;
}
@ObjectType()
export class AddDepartmentHandlerPayload {
  @Field(() => Department, { nullable: true }) department?: Department;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class RemoveDepartmentHandlerInput extends AddDepartmentHandlerInput {}
@ObjectType()
export class RemoveDepartmentHandlerPayload extends AddDepartmentHandlerPayload {}

@InputType()
export class SetDepartmentLeaderInput {
  @Field(() => ID) departmentId: string;
  @Field(() => ID, { nullable: true, description: "An account with the LEADER_IN_CHARGE role; null clears it" })
  leaderId?: string | null;
}
@ObjectType()
export class SetDepartmentLeaderPayload extends AddDepartmentHandlerPayload {}
