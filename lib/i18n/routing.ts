import { defineRouting } from "next-intl/routing";

export const locales = ["vi", "en"] as const;
export type Locale = (typeof locales)[number];

// Vietnamese first: Vietnamese URLs carry no prefix, English ones start with /en. The browser's
// language is not used to switch: a commune's site speaks Vietnamese unless the reader asks.
export const routing = defineRouting({
  locales,
  defaultLocale: "vi",
  localePrefix: "as-needed",
  localeDetection: false,
});
