import "server-only";

// Shared by the disclosure route handlers: the public address for links, the headers of open data,
// and errors as JSON with a message in the reader's language.
import { createTranslator } from "next-intl";

import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { env } from "@/lib/env";
import { AppError, isAppError, notFound } from "@/lib/errors";
import { loadMessages } from "@/lib/i18n/load-messages";
import { databaseUnavailable, isDatabaseUnavailable } from "@/lib/reliability/database-unavailable";

/** Links in feeds and open data use the configured public address (NEXTAUTH_URL), not the one a proxy saw. */
export function publicOrigin(request: Request): string {
  return (env.NEXTAUTH_URL ?? new URL(request.url).origin).replace(/\/+$/, "");
}

/** Open data is for anyone, from any site, and changes slowly: cache for five minutes. */
export const OPEN_DATA_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Cache-Control": "public, max-age=300, s-maxage=300, stale-while-revalidate=600",
  "X-Content-Type-Options": "nosniff",
};

export const openDataPreflight = () => new Response(null, { status: 204, headers: { ...OPEN_DATA_HEADERS, "Access-Control-Max-Age": "86400" } });

function localeOf(request: Request): "vi" | "en" {
  const lang = new URL(request.url).searchParams.get("lang") ?? request.headers.get("accept-language") ?? "";
  return /^en\b/i.test(lang) ? "en" : "vi";
}

type Translate = ((key: string, values?: Record<string, string | number>) => string) & { has(key: string): boolean };

/** An expected failure as JSON: the code, the message in the reader's language, the fields at fault. */
export function errorResponse(error: unknown, request: Request, headers: Record<string, string> = {}): Response {
  if (isDatabaseUnavailable(error)) error = databaseUnavailable();
  const appError = isAppError(error) ? error : null;
  if (!appError) console.error("[disclosure route] unexpected error:", error);
  const e = appError ?? new AppError("unexpected", 500, { id: Math.random().toString(36).slice(2, 10) });
  const t = createTranslator({ locale: localeOf(request), messages: loadMessages(localeOf(request)), namespace: "errors" }) as unknown as Translate;
  const message = t.has(e.code) ? t(e.code, e.params) : e.code;
  const fields = Object.fromEntries(Object.entries(e.fields).map(([field, key]) => [field, t.has(key) ? t(key, e.params) : key]));
  return Response.json({ error: e.code, message, params: e.params, fields }, { status: e.status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** The `?commune=` filter of open data: none, or a commune that exists (404 otherwise). */
export async function communeFilter(request: Request) {
  const slug = new URL(request.url).searchParams.get("commune");
  if (slug === null || slug === "") return null;
  const commune = slug.length <= 60 ? await getCommuneBySlug(slug) : null;
  if (!commune) throw notFound("communeNotFound");
  return commune;
}

/**
 * Writes by route handler come only from this site's own pages: a form on another site cannot post
 * with the user's cookies (they are SameSite=Lax as well; this holds when a browser sends Origin).
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (!host || originHost !== host) throw new AppError("crossOrigin", 403);
}
