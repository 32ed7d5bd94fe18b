import { registerEnumType } from "type-graphql";

export const EXPORT_KINDS = [
  "COHORT_ROSTER",
  "ATTENDANCE_SHEET",
  "FEEDBACK",
  "EVENT_REGISTRATIONS",
  "AWARD_RANKING",
  "HONOR_ROLL",
  "STATISTICS",
  "DESK_FIGURES",
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ["XLSX", "CSV"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
export const ExportKindEnum = asEnum(EXPORT_KINDS);
registerEnumType(ExportKindEnum, { name: "ExportKind", description: "A table staff can download" });
export const ExportFormatEnum = asEnum(EXPORT_FORMATS);
registerEnumType(ExportFormatEnum, { name: "ExportFormat" });

/** The URL path segment of each kind, e.g. `/exports/cohort-roster.xlsx`. */
export const kindSlug = (kind: ExportKind) => kind.toLowerCase().replace(/_/g, "-");
export const kindOfSlug = (slug: string): ExportKind | null => EXPORT_KINDS.find((k) => kindSlug(k) === slug) ?? null;
