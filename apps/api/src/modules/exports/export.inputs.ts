import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { UserError } from "../../graphql/errors";
import { ExportFormatEnum, ExportKindEnum, type ExportFormat, type ExportKind } from "./export.enums";

@InputType()
export class CreateExportUrlInput {
  @Field(() => ExportKindEnum) kind: ExportKind;
  @Field(() => ExportFormatEnum, { defaultValue: "XLSX" }) format: ExportFormat;
  @Field(() => ID, { nullable: true, description: "COHORT_ROSTER, ATTENDANCE_SHEET, FEEDBACK" }) cohortId?: string;
  @Field(() => ID, { nullable: true, description: "EVENT_REGISTRATIONS" }) eventId?: string;
  @Field(() => ID, { nullable: true, description: "AWARD_RANKING" }) cycleId?: string;
  @Field(() => ID, { nullable: true, description: "HONOR_ROLL filter" }) programId?: string;
  @Field(() => Int, { nullable: true, description: "HONOR_ROLL filter" }) year?: number;
  @Field(() => Date, { nullable: true, description: "DESK_FIGURES: problems reported from (inclusive)" })
  from?: Date | null;
  @Field(() => Date, { nullable: true, description: "DESK_FIGURES: problems reported before (exclusive)" })
  to?: Date | null;
}
@ObjectType()
export class CreateExportUrlPayload {
  @Field(() => String, { nullable: true, description: "A signed download path, valid for ten minutes" }) url?: string;
  @Field(() => Date, { nullable: true }) expiresAt?: Date;
  @Field(() => [UserError]) userErrors: UserError[];
}
