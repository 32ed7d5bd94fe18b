import { useCallback, useSyncExternalStore } from "react";
import { LOCALES, type Locale } from "@zuofu/shared";

export type { Locale };

/** Where the chosen language is remembered between visits. */
export const LOCALE_STORAGE_KEY = "zuofu.locale";

export function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return LOCALES.find((l) => l === stored) ?? "zh-CN";
  } catch {
    // Storage can be blocked (private mode in some in-app browsers): fall back to Chinese.
    return "zh-CN";
  }
}

let current: Locale | undefined;
const listeners = new Set<() => void>();

/** The language of the UI and of the `Accept-Language` header sent to the API. */
export function getLocale(): Locale {
  return (current ??= readStoredLocale());
}

export function setLocale(locale: Locale): void {
  current = locale;
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered, but still switched for this visit.
  }
  document.documentElement.lang = locale;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For module-level state that follows the language (dayjs's locale). */
export function onLocaleChange(listener: () => void): () => void {
  return subscribe(listener);
}

export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, getLocale, getLocale);
}

/** A feature's texts: Chinese first; the English table must have exactly the same keys. */
export type Messages<K extends string> = { "zh-CN": Record<K, string>; en: Record<K, string> };

export function defineMessages<const Z extends Record<string, string>>(messages: {
  "zh-CN": Z;
  en: Record<keyof Z, string>;
}): Messages<Extract<keyof Z, string>> {
  return messages as Messages<Extract<keyof Z, string>>;
}

export type Params = Record<string, string | number>;

export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export type Translate<K extends string> = (key: K, params?: Params) => string;

export function useT<K extends string>(messages: Messages<K>): Translate<K> {
  const locale = useLocale();
  return useCallback((key: K, params?: Params) => format(messages[locale][key], params), [locale, messages]);
}
