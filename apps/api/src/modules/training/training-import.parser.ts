// exceljs takes half a second to load; only imports and exports need it, so it loads on first use.
import type ExcelJS from "exceljs";
import { fail } from "../../graphql/errors";
import { ARCHIVE_LIMITS, checkArchive } from "./training-import.archive";

/** One line of a spreadsheet: its number as the user sees it (1 = header) and its cells as text. */
export interface SheetRow {
  line: number;
  cells: string[];
}

/**
 * UTF-8 (with or without BOM) first; Excel on Chinese Windows saves "CSV" in GBK, which GB18030
 * decodes, so a file that is not valid UTF-8 is read as that.
 */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Blank lines are skipped. */
export function parseCsv(text: string): SheetRow[] {
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== "")) rows.push({ line: rowLine, cells: cells.map((c) => c.trim()) });
    cells = [];
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === "") {
      cell = "";
      quoted = true;
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== "" || cells.length) endRow();
  return rows;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A cell as the text a person sees: dates as YYYY-MM-DD, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    // Excel dates have no time zone; exceljs reads them as UTC midnight.
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value !== "object") return String(value).trim();
  if ("richText" in value)
    return value.richText
      .map((r) => r.text)
      .join("")
      .trim();
  if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  if ("text" in value) return String(value.text).trim();
  return "";
}

/** The first worksheet of an XLSX workbook. Throws for anything that is not one. */
export async function parseXlsx(bytes: Buffer): Promise<SheetRow[]> {
  const { default: excel } = await import("exceljs");
  const workbook = new excel.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let col = 1; col <= row.cellCount; col++) cells.push(cellText(row.getCell(col).value));
    if (cells.some((c) => c !== "")) rows.push({ line, cells });
  });
  return rows;
}

export const IMPORT_MAX_MB = 5;
export const IMPORT_MAX_ROWS = 20_000;

/** The uploaded file as rows: the one reader, with its limits and errors, for every import. */
export async function readImportFile(fileName: string, contentBase64: string): Promise<SheetRow[]> {
  const extension = /\.(csv|xlsx)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  if (!extension) return fail("IMPORT_UNSUPPORTED_FILE", "fileName");
  // Browsers' FileReader gives a data: URL; the payload after the comma is the file.
  const base64 = contentBase64.replace(/^data:[^,]*;base64,/, "").replace(/\s+/g, "");
  if (Math.floor((base64.length * 3) / 4) > IMPORT_MAX_MB * 1024 * 1024)
    fail("IMPORT_FILE_TOO_LARGE", "contentBase64", { max: IMPORT_MAX_MB });
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) fail("IMPORT_UNREADABLE_FILE", "contentBase64");
  const bytes = Buffer.from(base64, "base64");
  if (extension === "xlsx") {
    const archive = checkArchive(bytes);
    if (archive === "unreadable") fail("IMPORT_UNREADABLE_FILE", "contentBase64");
    if (archive === "too-large") {
      const { maxUnpackedMb, maxEntries, maxRatio } = ARCHIVE_LIMITS;
      fail("IMPORT_ARCHIVE_TOO_LARGE", "contentBase64", { max: maxUnpackedMb, entries: maxEntries, ratio: maxRatio });
    }
  }
  let rows: SheetRow[];
  try {
    rows = extension === "csv" ? parseCsv(decodeText(bytes)) : await parseXlsx(bytes);
  } catch {
    return fail("IMPORT_UNREADABLE_FILE", "contentBase64");
  }
  if (rows.length < 2) fail("IMPORT_EMPTY_FILE", "contentBase64");
  if (rows.length - 1 > IMPORT_MAX_ROWS) fail("IMPORT_TOO_MANY_ROWS", "contentBase64", { max: IMPORT_MAX_ROWS });
  return rows;
}
