/**
 * Beijing time (UTC+8 all year, no daylight saving), where the Institute works and every session
 * and event takes place. One conversion; the named views below cut the wall-clock text it gives.
 */

/** Beijing wall-clock time as ISO text without a zone: "2026-12-04T21:30:05.000". */
export function beijingWallClock(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, -1);
}

/** The calendar day in Beijing: "2026-12-04". */
export const beijingDay = (at: Date = new Date()): string => beijingWallClock(at).slice(0, 10);

/** "14:30" in Beijing. */
export const beijingClock = (at: Date): string => beijingWallClock(at).slice(11, 16);

/** "2026-12-04 14:30" in Beijing; SQLite hands raw datetimes back as UTC text, which is read as such. */
export function beijingDateTime(value: Date | string | null): string | null {
  if (value === null) return null;
  const at = value instanceof Date ? value : new Date(`${value.replace(" ", "T")}Z`);
  return beijingWallClock(at).slice(0, 16).replace("T", " ");
}

/** Times shown to partners: ISO 8601 in China Standard Time, which every reader can convert. */
export const chinaTime = (at: Date): string => `${beijingWallClock(at).slice(0, 19)}+08:00`;
