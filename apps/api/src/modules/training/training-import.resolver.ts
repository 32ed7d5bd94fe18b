import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { toUserErrors } from "../../graphql/errors";
import { importTraining } from "./training-import.service";
import { ImportTrainingInput, ImportTrainingPayload } from "./training-import.inputs";

@Resolver()
export class TrainingImportResolver {
  @Mutation(() => ImportTrainingPayload, {
    description: "Staff: past cohorts, trainees and enrollments from a CSV or XLSX file (docs/import-format.md)",
  })
  async importTraining(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: ImportTrainingInput,
  ): Promise<ImportTrainingPayload> {
    const result = await importTraining(ctx, input);
    return { ...result, userErrors: toUserErrors(result.userErrors, ctx.locale) };
  }
}
