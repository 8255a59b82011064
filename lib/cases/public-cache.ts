// What the public reads of cases most, kept in this process for a short while and dropped at once when
// a case changes here (expirePublicCases, called by every write of lib/cases after its transaction):
//   - the map's pins (compact, per commune and filter), read by /api/communes/[slug]/cases/pins;
//   - the Open311 GeoReport v2 request lists (per commune, format, origin and normalised query).
// The cached list pages (ISR, /[locale]/[commune]/cases/view/[key]) are refreshed with them. Another
// instance's change shows here within the minute, as on every cached public page. Only the production
// server caches by default; PUBLIC_CASE_CACHE_MS sets the lifetime elsewhere (the tests use it).
import { revalidatePath } from "next/cache";

import { createBodyCache } from "@/lib/disclosure/body-cache";

export const PUBLIC_CASE_CACHE_MS = 60_000;

const ttl = () => {
  const set = Number(process.env.PUBLIC_CASE_CACHE_MS);
  if (Number.isFinite(set) && process.env.PUBLIC_CASE_CACHE_MS !== undefined && process.env.PUBLIC_CASE_CACHE_MS !== "") return set;
  return process.env.NODE_ENV === "production" ? PUBLIC_CASE_CACHE_MS : 0;
};

/** A cached body and its validator (an ETag of its bytes). */
export type CachedBody = { body: Uint8Array; etag: string };

export const casePinsCache = createBodyCache<CachedBody>({ ttlMs: ttl, maxEntries: 300 });
export const open311ListCache = createBodyCache<CachedBody>({ ttlMs: ttl, maxEntries: 300 });

/** The bytes of `text` with their ETag, made once when the entry is filled. */
export async function cachedBody(text: string): Promise<CachedBody> {
  const body = new TextEncoder().encode(text);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-1", body));
  return { body, etag: `"${Buffer.from(digest).toString("base64url")}"` };
}

/**
 * A 200 with the cached body, or a 304 when the client already holds it (If-None-Match). The server
 * gzips it for clients that accept it (next start compresses every response: a body gzipped here
 * would be gzipped twice).
 */
export function cachedResponse(request: Request, cached: CachedBody, headers: Record<string, string>): Response {
  const common = { ...headers, ETag: cached.etag };
  const given = request.headers.get("if-none-match");
  if (given && given.split(",").some((t) => t.trim().replace(/^W\//, "") === cached.etag)) return new Response(null, { status: 304, headers: common });
  return new Response(cached.body as BodyInit, { headers: common });
}

/**
 * A public case may have changed (filed, moved, reclassified, merged, reopened, a photo added): every
 * cached public view of cases is dropped, and the cached list pages are refreshed on their next visit.
 */
export function expirePublicCases(): void {
  casePinsCache.clear();
  open311ListCache.clear();
  try {
    revalidatePath("/[locale]/[commune]/cases/view/[key]", "page");
  } catch {
    // Outside a request (the scheduler, scripts, tests) there is no cached page of this process to refresh.
  }
}

/** Runs a write of cases, then drops the cached public views (only once it has committed). */
export async function expiringPublicCases<T>(work: Promise<T>): Promise<T> {
  const result = await work;
  expirePublicCases();
  return result;
}
