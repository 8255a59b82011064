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
  // Without detection the cookie is never read; setting it made every public response carry a
  // Set-Cookie (not cacheable by a shared cache) and made Next re-render the whole page after a server
  // action posted without it.
  localeCookie: false,
});
