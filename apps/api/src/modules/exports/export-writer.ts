import { once } from "node:events";
import type { Writable } from "node:stream";
// exceljs takes half a second to load; only imports and exports need it, so it loads on first use.
import type ExcelJS from "exceljs";
import type { Locale } from "@zuofu/shared";
import { PAGE_ROWS, type Cell, type ExportTable } from "./export-sources";

/** Lets a slow client hold the export back instead of letting buffers grow. */
async function drained(out: Writable): Promise<void> {
  // readable-stream 2 (archiver's) has no writableNeedDrain; its state says the same.
  const state = (out as unknown as { _writableState?: { needDrain?: boolean; length?: number } })._writableState;
  if (out.writableNeedDrain ?? state?.needDrain) await once(out, "drain");
}

/**
 * exceljs 4 hands a sheet's XML to the zip archiver without waiting for it: read the archiver's
 * input so that the export can wait for the compressor instead of buffering the sheet.
 */
function zipInput(sheet: ExcelJS.Worksheet): Writable {
  const input = (sheet as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes?.[0];
  if (!input) throw new Error("exceljs sheet stream layout changed: cannot apply backpressure");
  return input;
}

/** Wide enough for a long enterprise name (about 30 Chinese characters); longer text wraps out of view. */
const MAX_WIDTH = 64;

/** Width in Excel's character units: Chinese and other full-width characters take two. */
export function displayWidth(value: Cell): number {
  if (value === null) return 0;
  let width = 0;
  for (const ch of String(value))
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return width;
}

/** Excel forbids these in sheet names and allows 31 characters. */
const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, " ").slice(0, 31);

/**
 * Streams the table as XLSX: exceljs' WorkbookWriter writes each committed row to the zip and
 * forgets it, and no shared-strings table is kept, so memory stays flat whatever the row count.
 */
export async function writeXlsx(out: Writable, table: ExportTable, locale: Locale): Promise<void> {
  const { default: excel } = await import("exceljs");
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName(table.title[locale]), { views: [{ state: "frozen", ySplit: 1 }] });
  // A streamed sheet's widths are set before its first row: they are measured on the first page.
  const rows = table.rows[Symbol.asyncIterator]();
  const first: Cell[][] = [];
  while (first.length < PAGE_ROWS) {
    const next = await rows.next();
    if (next.done) break;
    first.push(next.value);
  }
  sheet.columns = table.columns.map((c, i) => ({
    header: c[locale],
    width: Math.min(
      MAX_WIDTH,
      Math.max(8, displayWidth(c[locale]), ...first.map((row) => displayWidth(row[i] ?? null))) + 2,
    ),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let n = 0;
  const rest: AsyncIterable<Cell[]> = { [Symbol.asyncIterator]: () => rows };
  async function* all(): AsyncIterable<Cell[]> {
    yield* first;
    if (first.length === PAGE_ROWS) yield* rest;
  }
  for await (const row of all()) {
    sheet.addRow(row).commit();
    if (++n % PAGE_ROWS === 0) {
      await drained(zipInput(sheet));
      await drained(out);
    }
  }
  sheet.commit();
  await workbook.commit();
}

/** A cell as CSV; text that a spreadsheet would run as a formula is quoted with a leading apostrophe. */
function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Streams the table as UTF-8 CSV with a BOM, which Excel needs to read Chinese correctly. */
export async function writeCsv(out: Writable, table: ExportTable, locale: Locale): Promise<void> {
  out.write(`\uFEFF${table.columns.map((c) => csvCell(c[locale])).join(",")}\r\n`);
  for await (const row of table.rows) {
    if (!out.write(`${row.map(csvCell).join(",")}\r\n`)) await drained(out);
  }
  out.end();
}
