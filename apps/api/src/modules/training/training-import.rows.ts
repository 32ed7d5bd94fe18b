import {
  isMainlandMobile,
  normalizePhone,
  translate,
  validateCreditCode,
  validateIdCard,
  type ErrorCode,
  type Gender,
  type Locale,
} from "@zuofu/shared";
import type { ErrorParams } from "../../graphql/errors";
import { beijingDay } from "../../common/beijing-time";
import type { SheetRow } from "./training-import.parser";

/** The file's columns: the Chinese header first, then accepted alternatives. docs/import-format.md documents them. */
export const IMPORT_COLUMNS = [
  { key: "course", headers: ["课程", "course"], required: true },
  { key: "cohortNumber", headers: ["期数", "cohortNumber"], required: true },
  // Accepted so older files still import, and not read: a cohort's title is its course's and its number.
  { key: "cohortTitle", headers: ["班次名称", "cohortTitle"] },
  { key: "startsOn", headers: ["开始日期", "startsOn"], required: true },
  { key: "endsOn", headers: ["结束日期", "endsOn"], required: true },
  { key: "venue", headers: ["地点", "venue"] },
  { key: "capacity", headers: ["名额", "capacity"] },
  { key: "name", headers: ["姓名", "name"], required: true },
  { key: "phone", headers: ["手机号", "phone"] },
  { key: "idCardNumber", headers: ["身份证号", "idCardNumber"] },
  { key: "creditCode", headers: ["企业信用代码", "统一社会信用代码", "creditCode"] },
  { key: "enterpriseName", headers: ["企业名称", "enterpriseName"] },
  { key: "position", headers: ["职务", "position"] },
  { key: "status", headers: ["状态", "status"], required: true },
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number]["key"];

const STATUS_WORDS: Record<string, ImportStatus> = {
  结业: "COMPLETED",
  已结业: "COMPLETED",
  completed: "COMPLETED",
  在读: "ENROLLED",
  未结业: "ENROLLED",
  enrolled: "ENROLLED",
};
export type ImportStatus = "COMPLETED" | "ENROLLED";

export interface ImportProblem {
  line: number;
  column: string | null;
  code: ErrorCode;
  message: string;
}

/** Every problem of a file, each named by line and by the column header as the file spells it. */
export class ProblemList {
  readonly items: ImportProblem[] = [];
  private readonly headers = new Map<ImportColumn, string>();

  constructor(private readonly locale: Locale) {}

  useHeader(key: ImportColumn, header: string): void {
    this.headers.set(key, header);
  }

  add(line: number, column: ImportColumn | null, code: ErrorCode, params: ErrorParams = {}): void {
    const header = column
      ? (this.headers.get(column) ?? IMPORT_COLUMNS.find((c) => c.key === column)!.headers[0])
      : null;
    const message = translate(code, this.locale, { field: column ?? "", column: header ?? "", ...params });
    this.items.push({
      line,
      column: header ?? (params.column === undefined ? null : String(params.column)),
      code,
      message,
    });
  }
}

/** One data line, checked. The cohort part and the person part are each present only when valid. */
export interface ImportRow {
  line: number;
  status: ImportStatus | null;
  cohort: {
    course: string;
    number: number;
    startsOn: string;
    endsOn: string;
    venue: string | null;
    capacity: number | null;
  } | null;
  person: {
    name: string;
    phone: string | null;
    idCard: string | null;
    gender: Gender | null;
    creditCode: string | null;
    enterpriseName: string | null;
    position: string | null;
  } | null;
}

const normalizeHeader = (h: string) => h.replace(/\s+/g, "").toLowerCase();

/** Which column each header names; unknown, repeated and missing columns are problems of line 1. */
function mapHeader(header: SheetRow, problems: ProblemList): Map<ImportColumn, number> {
  const byHeader = new Map<string, ImportColumn>(
    IMPORT_COLUMNS.flatMap((c) => c.headers.map((h) => [normalizeHeader(h), c.key] as const)),
  );
  const index = new Map<ImportColumn, number>();
  header.cells.forEach((cell, i) => {
    if (!cell) return;
    const key = byHeader.get(normalizeHeader(cell));
    if (!key) problems.add(header.line, null, "IMPORT_UNKNOWN_COLUMN", { column: cell });
    else if (index.has(key)) problems.add(header.line, key, "IMPORT_DUPLICATE_COLUMN", { column: cell });
    else {
      index.set(key, i);
      problems.useHeader(key, cell);
    }
  });
  for (const column of IMPORT_COLUMNS) {
    if ("required" in column && !index.has(column.key)) problems.add(header.line, column.key, "IMPORT_MISSING_COLUMN");
  }
  if (!index.has("phone") && !index.has("idCardNumber")) {
    problems.add(header.line, "phone", "IMPORT_MISSING_COLUMN", { column: "手机号 / 身份证号" });
  }
  return index;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** YYYY-MM-DD, also written with / . or 年月日; null unless it is a real calendar day. */
export function parseDay(raw: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(raw);
  if (!m) return null;
  const day = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : null;
}

/** Checks every cell of every data line; answers the lines with what is valid in them. */
export function checkRows(rows: SheetRow[], problems: ProblemList, today = beijingDay()): ImportRow[] {
  const index = mapHeader(rows[0], problems);
  return rows.slice(1).map((row) => {
    const line = row.line;
    let cohortOk = true;
    let personOk = true;
    const cell = (key: ImportColumn) => {
      const i = index.get(key);
      return i === undefined ? "" : (row.cells[i] ?? "");
    };
    const text = (key: ImportColumn, max: number, required: boolean, part: "cohort" | "person") => {
      const value = cell(key);
      const bad = (value === "" && required && index.has(key)) || value.length > max;
      if (bad) {
        problems.add(line, key, value === "" ? "REQUIRED" : "TOO_LONG", { max });
        if (part === "cohort") cohortOk = false;
        else personOk = false;
      }
      return value === "" ? null : value;
    };

    const course = text("course", 100, true, "cohort");
    const rawNumber = cell("cohortNumber");
    const numberMatch = /^第?\s*(\d{1,6})\s*期?$/.exec(rawNumber);
    const number = numberMatch ? Number(numberMatch[1]) : null;
    if (index.has("cohortNumber") && (number === null || number < 1 || number > 100000)) {
      problems.add(line, "cohortNumber", rawNumber ? "OUT_OF_RANGE" : "REQUIRED", { min: 1, max: 100000 });
      cohortOk = false;
    }
    const day = (key: "startsOn" | "endsOn") => {
      const raw = cell(key);
      const value = parseDay(raw);
      if (!value && index.has(key)) {
        problems.add(line, key, raw ? "INVALID_VALUE" : "REQUIRED");
        cohortOk = false;
      }
      return value;
    };
    const startsOn = day("startsOn");
    const endsOn = day("endsOn");
    if (startsOn && endsOn && endsOn < startsOn) {
      problems.add(line, "endsOn", "ENDS_BEFORE_START");
      cohortOk = false;
    }
    if (startsOn && startsOn > today) {
      problems.add(line, "startsOn", "IMPORT_NOT_STARTED");
      cohortOk = false;
    }
    const venue = text("venue", 200, false, "cohort");
    const rawCapacity = cell("capacity");
    const capacity = rawCapacity ? Number(rawCapacity) : null;
    if (capacity !== null && (!/^\d{1,5}$/.test(rawCapacity) || capacity < 1 || capacity > 10000)) {
      problems.add(line, "capacity", "OUT_OF_RANGE", { min: 1, max: 10000 });
      cohortOk = false;
    }

    const name = text("name", 64, true, "person");
    const rawPhone = cell("phone");
    const phone = rawPhone ? normalizePhone(rawPhone) : null;
    if (phone && !isMainlandMobile(phone)) {
      problems.add(line, "phone", "INVALID_PHONE");
      personOk = false;
    }
    const rawIdCard = cell("idCardNumber");
    const idCard = rawIdCard ? validateIdCard(rawIdCard) : null;
    if (idCard && !idCard.ok) {
      problems.add(line, "idCardNumber", "INVALID_ID_CARD", { reason: idCard.reason });
      personOk = false;
    }
    if (!rawPhone && !rawIdCard && (index.has("phone") || index.has("idCardNumber"))) {
      problems.add(line, index.has("phone") ? "phone" : "idCardNumber", "IMPORT_CONTACT_REQUIRED");
      personOk = false;
    }
    const rawCredit = cell("creditCode");
    const credit = rawCredit ? validateCreditCode(rawCredit) : null;
    if (credit && !credit.ok) {
      problems.add(line, "creditCode", "INVALID_CREDIT_CODE", { reason: credit.reason });
      personOk = false;
    }
    const enterpriseName = text("enterpriseName", 100, false, "person");
    const position = text("position", 64, false, "person");

    const rawStatus = cell("status");
    const status = STATUS_WORDS[rawStatus.toLowerCase()] ?? null;
    if (!status && index.has("status"))
      problems.add(line, "status", rawStatus ? "IMPORT_UNKNOWN_STATUS" : "REQUIRED", { value: rawStatus });
    if (status === "COMPLETED" && endsOn && endsOn >= today) problems.add(line, "status", "IMPORT_NOT_ENDED");

    return {
      line,
      status,
      cohort:
        cohortOk && course && number && startsOn && endsOn
          ? { course, number, startsOn, endsOn, venue, capacity }
          : null,
      person:
        personOk && name && (phone || idCard)
          ? {
              name,
              phone,
              idCard: idCard?.ok ? idCard.value : null,
              gender: idCard?.ok ? idCard.gender : null,
              creditCode: credit?.ok ? credit.value : null,
              enterpriseName,
              position,
            }
          : null,
    };
  });
}
