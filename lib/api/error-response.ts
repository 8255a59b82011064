// Route handlers answer expected failures the way forms show them: the status, the message key, and
// the message itself in the reader's language, so that any client (ours, curl, a phone's browser)
// gets a sentence, not a stack trace.
import { randomUUID } from "node:crypto";

import { createTranslator } from "next-intl";

import { isAppError } from "@/lib/errors";
import { databaseUnavailable, isDatabaseUnavailable } from "@/lib/reliability/database-unavailable";
import { loadMessages } from "@/lib/i18n/load-messages";
import { type Locale, locales } from "@/lib/i18n/routing";

/** The language asked for with ?locale=en, Vietnamese otherwise. */
export function requestLocale(request: Request): Locale {
  const asked = new URL(request.url).searchParams.get("locale");
  return (locales as readonly string[]).includes(asked ?? "") ? (asked as Locale) : "vi";
}

export function translateError(locale: Locale, code: string, params: Record<string, string | number> = {}): string {
  const translator = createTranslator({ locale, messages: loadMessages(locale), namespace: "errors" });
  // Codes are data here, not literals the catalogue's types could check.
  const t = translator as unknown as ((key: string, values?: Record<string, string | number>) => string) & { has(key: string): boolean };
  return t.has(code) ? t(code, params) : t("unexpected", { id: code });
}

export function errorResponse(error: unknown, locale: Locale, where: string): Response {
  // The database restarting or out of reach: 503, try again shortly (nothing was written).
  if (isDatabaseUnavailable(error)) error = databaseUnavailable();
  if (isAppError(error)) {
    return Response.json(
      { code: error.code, message: translateError(locale, error.code, error.params), params: error.params, fields: error.fields },
      { status: error.status, headers: { "Cache-Control": "no-store" } },
    );
  }
  const id = randomUUID().slice(0, 8);
  console.error(`[${where}] unexpected error ${id}:`, error);
  return Response.json(
    { code: "unexpected", message: translateError(locale, "unexpected", { id }), params: { id } },
    { status: 500, headers: { "Cache-Control": "no-store" } },
  );
}
