import { Field, InputType, Int, ObjectType } from "type-graphql";
import { UserError } from "../../graphql/errors";
import { MaxLen } from "../../graphql/validation";

@InputType()
export class ImportTrainingInput {
  @Field({ description: "The file's name; its extension, .csv or .xlsx, decides how it is read" })
  @MaxLen(255)
  fileName: string;

  @Field({ description: "The file's bytes in base64 (a data: URL is accepted); at most 5 MB" })
  contentBase64: string;

  @Field({ defaultValue: false, description: "Check and count only; nothing is written" })
  dryRun: boolean;
}

@ObjectType({ description: "One problem of an import file, by line and column" })
export class ImportProblem {
  @Field(() => Int, { description: "Line of the file (1 = the header row)" }) line: number;
  @Field(() => String, { nullable: true, description: "Column header as the file spells it" }) column: string | null;
  @Field() code: string;
  @Field({ description: "In the caller's language" }) message: string;
}

@ObjectType({ description: "Rows an import created and existing rows it matched (a dry run: would create)" })
export class ImportCounts {
  @Field(() => Int) coursesCreated: number;
  @Field(() => Int) coursesMatched: number;
  @Field(() => Int) cohortsCreated: number;
  @Field(() => Int) cohortsMatched: number;
  @Field(() => Int) traineesCreated: number;
  @Field(() => Int) traineesMatched: number;
  @Field(() => Int) enterprisesCreated: number;
  @Field(() => Int) enrollmentsCreated: number;
  @Field(() => Int) enrollmentsMatched: number;
  @Field(() => Int) certificatesIssued: number;
}

@ObjectType()
export class ImportTrainingPayload {
  @Field(() => Int, { nullable: true, description: "Data lines read" }) rowCount?: number;
  @Field(() => ImportCounts, { nullable: true }) counts?: ImportCounts;
  @Field(() => [ImportProblem], { nullable: true, description: "Every problem found; empty when the file is fine" })
  problems?: ImportProblem[];
  @Field(() => [UserError]) userErrors: UserError[];
}
