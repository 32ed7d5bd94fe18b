/** The calendar day in Beijing (UTC+8 all year, no daylight saving), where the Institute works. */
export const beijingDay = (at: Date = new Date()): string =>
  new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
