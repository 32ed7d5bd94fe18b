/**
 * iCalendar (RFC 5545) text, written by hand: CRLF line ends, content lines folded at 75 octets
 * without splitting a UTF-8 character, TEXT values escaped, times in UTC (no VTIMEZONE needed).
 */

export interface CalendarEntry {
  /** Globally unique and stable across refreshes, so clients update instead of duplicating. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  status: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
  categories?: string[];
  lastModified?: Date | null;
}

export interface CalendarOptions {
  name: string;
  description?: string;
  /** Minutes before each entry's start at which a display alarm fires; null for none. */
  reminderMinutes: number | null;
  /** DTSTAMP of every entry: when this text was made. */
  now: Date;
  /** The alarm's text, before the entry's summary. */
  reminderLabel: string;
}

const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** 20250314T063000Z */
export function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** RFC 5545 3.3.11: backslash, semicolon and comma escaped, line breaks as \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * RFC 5545 3.1: lines longer than 75 octets continue on the next line after CRLF and one space;
 * the space counts toward the next line's 75. Cuts fall between characters, never inside one.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    const limit = parts.length ? MAX_OCTETS - 1 : MAX_OCTETS;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function property(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}

function entryLines(entry: CalendarEntry, options: CalendarOptions): string[] {
  const lines = [
    "BEGIN:VEVENT",
    property("UID", entry.uid),
    property("DTSTAMP", utcStamp(options.now)),
    property("DTSTART", utcStamp(entry.start)),
    property("DTEND", utcStamp(entry.end)),
    property("SUMMARY", escapeText(entry.summary)),
    property("STATUS", entry.status),
  ];
  if (entry.description) lines.push(property("DESCRIPTION", escapeText(entry.description)));
  if (entry.location) lines.push(property("LOCATION", escapeText(entry.location)));
  // URL is a URI value, not TEXT: it is not escaped.
  if (entry.url) lines.push(property("URL", entry.url));
  if (entry.categories?.length) lines.push(property("CATEGORIES", entry.categories.map(escapeText).join(",")));
  if (entry.lastModified) lines.push(property("LAST-MODIFIED", utcStamp(entry.lastModified)));
  if (options.reminderMinutes !== null && entry.status !== "CANCELLED") {
    lines.push(
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      property("DESCRIPTION", escapeText(`${options.reminderLabel}${entry.summary}`)),
      property("TRIGGER", `-PT${options.reminderMinutes}M`),
      "END:VALARM",
    );
  }
  lines.push("END:VEVENT");
  return lines;
}

export function renderCalendar(entries: CalendarEntry[], options: CalendarOptions): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Zuofu//Zuofu Platform//ZH",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    property("NAME", escapeText(options.name)),
    property("X-WR-CALNAME", escapeText(options.name)),
    "X-WR-TIMEZONE:Asia/Shanghai",
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
  ];
  if (options.description) lines.push(property("X-WR-CALDESC", escapeText(options.description)));
  for (const entry of entries) lines.push(...entryLines(entry, options));
  lines.push("END:VCALENDAR");
  return lines.join(CRLF) + CRLF;
}
