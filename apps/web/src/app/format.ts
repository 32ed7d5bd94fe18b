import type { Locale } from "./i18n";

/**
 * Every date and time the app shows, in one format, with the browser's Intl (dayjs stays in the
 * console's chunks, for the pickers: see date-fields.tsx). The Institute is in Chongqing: times
 * read in Beijing time whatever the browser's zone, and say so when that zone differs.
 */
export const TIME_ZONE = "Asia/Shanghai";

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
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

/** An instant: "2025年3月4日周二 09:00" (with seconds for the audit log). */
export function formatDateTime(iso: string, locale: Locale, opts: { seconds?: boolean } = {}): string {
  return formatter(locale, {
    ...DAY,
    ...TIME,
    weekday: "short",
    ...(opts.seconds ? { second: "2-digit" } : {}),
  }).format(new Date(iso));
}

/** The Beijing day of an instant: "2025年3月4日". */
export function formatDate(iso: string, locale: Locale): string {
  return formatter(locale, DAY).format(new Date(iso));
}

/** The Beijing hour of an instant: "09:00". */
export function formatTime(iso: string, locale: Locale, opts: { seconds?: boolean } = {}): string {
  return formatter(locale, { ...TIME, ...(opts.seconds ? { second: "2-digit" } : {}) }).format(new Date(iso));
}

/** The Beijing calendar day of an instant (now by default) as YYYY-MM-DD. */
export function beijingDay(at: Date | string = new Date()): string {
  // Sweden writes dates as ISO does.
  return formatter("sv", { year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(at));
}

/** Whether the browser's clock reads other than Beijing's now: then times are labeled 北京时间. */
/** The calendar day after `day` (YYYY-MM-DD), whatever the browser's zone: the end of a range of whole days. */
export function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function browserZoneDiffers(): boolean {
  return new Date().getTimezoneOffset() !== -480;
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

const UNLIMITED = { "zh-CN": "不限", en: "no limit" } as const;

/** A window between two instants, either end possibly open: "…09:00 至 不限". */
export function formatWindow(from: string | null | undefined, to: string | null | undefined, locale: Locale): string {
  const end = (iso: string | null | undefined) => (iso ? formatDateTime(iso, locale) : UNLIMITED[locale]);
  return `${end(from)}${locale === "en" ? " – " : " 至 "}${end(to)}`;
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

const collator = new Intl.Collator("zh-CN");

/** Chinese names in pinyin order (the dictionary's), not by code point. */
export function byPinyin(a: string, b: string): number {
  return collator.compare(a, b);
}
