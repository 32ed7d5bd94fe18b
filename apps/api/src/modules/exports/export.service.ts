import type { RequestContext } from "../../graphql/context";
import { localId } from "../../graphql/ids";
import { InputCheck } from "../../common/input-check";
import { EXPORT_LINK_TTL_SECONDS, exportPath } from "./export-link";
import { REQUIRED_PARAMS, exportTable } from "./export-sources";
import type { CreateExportUrlInput } from "./export.inputs";

const TYPES = { cohortId: "Cohort", eventId: "Event", cycleId: "AwardCycle", programId: "AwardProgram" } as const;

/** Checks that the table exists for this caller, then signs a link to it for the caller alone. */
export async function createExportUrl(
  ctx: RequestContext,
  input: CreateExportUrlInput,
): Promise<{ url: string; expiresAt: Date }> {
  const viewer = ctx.requireRole("STAFF");
  const check = new InputCheck();
  const params: Record<string, number> = {};
  for (const [field, type] of Object.entries(TYPES) as [keyof typeof TYPES, string][]) {
    const raw = input[field];
    if (raw === undefined || raw === null) {
      if ((REQUIRED_PARAMS[input.kind] as string[]).includes(field)) check.add("REQUIRED", field);
      continue;
    }
    const id = localId(raw, type);
    if (id) params[field] = id;
    else check.add("NOT_FOUND", field);
  }
  if (input.year !== undefined && input.year !== null) {
    const year = check.integer(input.year, "year", 1900, 2200);
    if (year) params.year = year;
  }
  for (const field of ["from", "to"] as const) {
    const at = input[field];
    if (at) params[field] = Math.floor(at.getTime() / 1000);
  }
  check.done();
  // Builds the table's head only (rows are read on download): an unknown cohort fails here, as a userError.
  await exportTable(ctx, input.kind, params);
  const now = Date.now();
  return {
    url: exportPath(
      ctx.app.config.sessionSecret,
      { kind: input.kind, format: input.format, params, userId: viewer.userId, locale: ctx.locale },
      now,
    ),
    expiresAt: new Date(Math.floor(now / 1000) * 1000 + EXPORT_LINK_TTL_SECONDS * 1000),
  };
}
