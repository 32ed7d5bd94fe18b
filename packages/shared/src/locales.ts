/** The languages the platform speaks; a module of its own so a client can know them without the message catalog. */
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
