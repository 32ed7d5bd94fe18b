import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import type { ProblemCategory, ProblemLevel, ProblemRating, ProblemStatus } from "@zuofu/shared";
import { UserError } from "../../graphql/errors";
import { MaxLen } from "../../graphql/validation";
import { ProblemCategoryEnum, ProblemLevelEnum, ProblemRatingEnum, ProblemStatusEnum } from "./desk.enums";
import { Problem } from "./problem.entity";
import type { ProblemOrder } from "./problem.service";

export const ProblemOrderEnum = { NEWEST: "NEWEST", DUE_FIRST: "DUE_FIRST" } as const satisfies Record<
  ProblemOrder,
  ProblemOrder
>;
registerEnumType(ProblemOrderEnum, {
  name: "ProblemOrder",
  description: "NEWEST: reported last first; DUE_FIRST: the earliest due date first (overdue ones lead)",
});

@InputType()
export class ProblemFilter {
  @Field(() => ProblemStatusEnum, { nullable: true }) status?: ProblemStatus | null;
  @Field(() => ProblemLevelEnum, { nullable: true }) level?: ProblemLevel | null;
  @Field(() => ProblemCategoryEnum, { nullable: true }) category?: ProblemCategory | null;
  @Field(() => ID, { nullable: true }) departmentId?: string | null;
  @Field(() => ID, { nullable: true }) enterpriseId?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Open and past the due date" }) overdue?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Owed an answer by the level holding it" })
  open?: boolean | null;
  @Field(() => Date, { nullable: true, description: "Reported from (inclusive)" }) reportedFrom?: Date | null;
  @Field(() => Date, { nullable: true, description: "Reported before (exclusive)" }) reportedTo?: Date | null;
  @Field(() => String, { nullable: true, description: "Words of the title or the enterprise's name" })
  search?: string | null;
}

@InputType({ description: "A file sent inside the mutation, like the imports; its type is read from its bytes" })
export class AttachmentUpload {
  @Field({ description: "The file's name; its extension is replaced by the one of the type found" })
  @MaxLen(255)
  fileName: string;
  @Field({ description: "The file's bytes in base64 (a data: URL is accepted); see LIMITS for the size" })
  contentBase64: string;
}

@InputType()
export class ReportProblemInput {
  @Field(() => ID) enterpriseId: string;
  @Field(() => ProblemCategoryEnum) category: ProblemCategory;
  @Field() @MaxLen(100) title: string;
  @Field() @MaxLen(5000) description: string;
  @Field(() => ID, {
    nullable: true,
    description: "The commissioner's visit it was found on (the commissioner who logged it)",
  })
  visitId?: string | null;
  @Field(() => [AttachmentUpload], {
    nullable: true,
    description: "Images, PDF or Office documents; at most 5 per problem and 2 MB each",
  })
  attachments?: AttachmentUpload[] | null;
}

@InputType()
export class SupplementProblemInput {
  @Field(() => ID) problemId: string;
  @Field(() => String, { nullable: true, description: "Required when no file comes with it" })
  @MaxLen(2000)
  note?: string | null;
  @Field(() => [AttachmentUpload], { nullable: true }) attachments?: AttachmentUpload[] | null;
}
@ObjectType()
export class SupplementProblemPayload {
  @Field(() => Problem, { nullable: true }) problem?: Problem;
  @Field(() => [UserError]) userErrors: UserError[];
}
@ObjectType()
export class ReportProblemPayload {
  @Field(() => Problem, { nullable: true }) problem?: Problem;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class TriageProblemInput {
  @Field(() => ID) problemId: string;
  @Field(() => ProblemCategoryEnum, { nullable: true, description: "A corrected category" })
  category?: ProblemCategory | null;
  @Field(() => String, { nullable: true }) @MaxLen(2000) note?: string | null;
}
@ObjectType()
export class TriageProblemPayload {
  @Field(() => Problem, { nullable: true }) problem?: Problem;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class TriageProblemsInput {
  @Field(() => [ID], { description: "At most 100; all are triaged or none" }) problemIds: string[];
  @Field(() => String, { nullable: true }) @MaxLen(2000) note?: string | null;
}
@ObjectType()
export class TriageProblemsPayload {
  @Field(() => [Problem], { nullable: true }) problems?: Problem[];
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class AssignProblemsInput {
  @Field(() => [ID], { description: "At most 100; all are assigned or none" }) problemIds: string[];
  @Field(() => ID) departmentId: string;
  @Field(() => String, { nullable: true }) @MaxLen(2000) note?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Due at the end of this Beijing day (YYYY-MM-DD, tomorrow to a year ahead); by category when absent",
  })
  dueOn?: string | null;
}
@ObjectType()
export class AssignProblemsPayload {
  @Field(() => [Problem], { nullable: true }) problems?: Problem[];
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class WorkOnProblemInput {
  @Field(() => ID) problemId: string;
  @Field(() => String, { nullable: true, description: "Required once the work has started" })
  @MaxLen(2000)
  note?: string | null;
}
@ObjectType()
export class WorkOnProblemPayload {
  @Field(() => Problem, { nullable: true }) problem?: Problem;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class AnswerProblemInput {
  @Field(() => ID) problemId: string;
  @Field() @MaxLen(5000) answer: string;
}
@ObjectType()
export class AnswerProblemPayload {
  @Field(() => Problem, { nullable: true }) problem?: Problem;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class RateProblemInput {
  @Field(() => ID) problemId: string;
  @Field(() => ProblemRatingEnum) rating: ProblemRating;
  @Field(() => String, { nullable: true }) @MaxLen(2000) comment?: string | null;
}
@ObjectType()
export class RateProblemPayload {
  @Field(() => Problem, { nullable: true }) problem?: Problem;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class EscalateProblemInput {
  @Field(() => ID) problemId: string;
  @Field(() => String, { nullable: true }) @MaxLen(2000) note?: string | null;
}
@ObjectType()
export class EscalateProblemPayload {
  @Field(() => Problem, { nullable: true }) problem?: Problem;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class SendProblemBackInput {
  @Field(() => ID) problemId: string;
  @Field() @MaxLen(1000) instructions: string;
}
@ObjectType()
export class SendProblemBackPayload {
  @Field(() => Problem, { nullable: true }) problem?: Problem;
  @Field(() => [UserError]) userErrors: UserError[];
}
