import "server-only";

import { createTranslator } from "next-intl";

import { loadMessages } from "@/lib/i18n/load-messages";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Texts outside a page render (text messages, generated files), in a given locale. */
export function translator(locale: string, namespace: string): Translate {
  return createTranslator({ locale, messages: loadMessages(locale), namespace: namespace as never }) as unknown as Translate;
}
