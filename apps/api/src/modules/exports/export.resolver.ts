import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { CreateExportUrlInput, CreateExportUrlPayload } from "./export.inputs";
import { createExportUrl } from "./export.service";

@Resolver()
export class ExportResolver {
  @Mutation(() => CreateExportUrlPayload, {
    description:
      "Staff: a short-lived signed link to download a table as XLSX or CSV, headers in the caller's language",
  })
  async createExportUrl(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: CreateExportUrlInput,
  ): Promise<CreateExportUrlPayload> {
    return { ...(await createExportUrl(ctx, input)), userErrors: [] };
  }
}
