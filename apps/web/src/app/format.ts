import type { Locale } from "./i18n";

/**
 * Dates and times for the public pages and the trainee portal, with the browser's Intl (dayjs
 * stays in the console's chunks). The Institute is in Chongqing: times read in Beijing time.
 */
const TIME_ZONE = "Asia/Shanghai";

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let found = cache.get(key);
  if (!found) cache.set(key, (found = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options })));
  return found;
}

const DAY: Intl.DateTimeFormatOptions = { year: "numeric", month: "long", day: "numeric" };
const TIME: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hour12: false };

/** A calendar day the API sends as YYYY-MM-DD. */
export function formatDay(day: string, locale: Locale): string {
  return formatter(locale, { ...DAY, timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

const at = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * A run of days: "2025年3月4日至6日", "Mar 4 – 6, 2025". ICU's Chinese ranges fall back to
 * "2025/3/4 – 2025/3/6", so the Chinese one is put together here.
 */
export function formatDays(from: string, to: string, locale: Locale): string {
  const full = formatter(locale, { ...DAY, timeZone: "UTC" });
  if (from === to) return full.format(at(from));
  if (locale === "en") return full.formatRange(at(from), at(to));
  const end =
    from.slice(0, 7) === to.slice(0, 7)
      ? formatter(locale, { day: "numeric", timeZone: "UTC" })
      : from.slice(0, 4) === to.slice(0, 4)
        ? formatter(locale, { month: "long", day: "numeric", timeZone: "UTC" })
        : full;
  return `${full.format(at(from))}至${end.format(at(to))}`;
}

export function formatDateTime(iso: string, locale: Locale): string {
  return formatter(locale, { ...DAY, ...TIME, weekday: "short" }).format(new Date(iso));
}

/** A session: its day and hours, "2025年3月4日周二 09:00–12:00". */
export function formatTimeRange(startsAt: string, endsAt: string, locale: Locale): string {
  const [start, end] = [new Date(startsAt), new Date(endsAt)];
  const day = formatter(locale, { ...DAY, weekday: "short" });
  if (locale === "en" || day.format(start) !== day.format(end))
    return formatter(locale, { ...DAY, ...TIME, weekday: "short" }).formatRange(start, end);
  const time = formatter(locale, TIME);
  return `${day.format(start)} ${time.format(start)}–${time.format(end)}`;
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}
