import "server-only";

// Route handlers check who is asking and for which commune exactly as server actions do: the commune
// comes from the URL, the roles from the database. Expected failures answer with their status and a
// message key (translated by the page that called), anything else with 500 and a log line.
import { randomUUID } from "node:crypto";

import { requireCommuneAccess } from "@/lib/auth/authorize";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { AppError, isAppError, notFound, unauthenticated } from "@/lib/errors";
import { translateError } from "@/lib/api/error-response";
import type { Role } from "@/lib/generated/prisma/enums";
import { databaseUnavailable, isDatabaseUnavailable } from "@/lib/reliability/database-unavailable";

export async function requireRouteAccess(userId: string | null, slug: string, roles: readonly Role[], options: { write?: boolean } = {}) {
  if (!userId) throw unauthenticated();
  const commune = await getCommuneBySlug(slug);
  if (!commune) throw notFound("communeNotFound");
  const access = await requireCommuneAccess(userId, commune.id, roles, options);
  return { commune, access };
}

const noStore = { "Cache-Control": "private, no-store" };

export function jsonResponse(body: unknown, status = 200) {
  return Response.json(body, { status, headers: noStore });
}

export function errorResponse(error: unknown, name: string) {
  if (isDatabaseUnavailable(error)) error = databaseUnavailable();
  // The sentence in Vietnamese goes along with the key, for clients other than our pages.
  if (isAppError(error)) return jsonResponse({ error: { code: error.code, params: error.params }, message: translateError("vi", error.code, error.params) }, error.status);
  const id = randomUUID().slice(0, 8);
  console.error(`[route ${name}] unexpected error ${id}:`, error);
  return jsonResponse({ error: { code: "unexpected", params: { id } }, message: translateError("vi", "unexpected", { id }) }, 500);
}

/**
 * The request body, refusing it with 413 as soon as it passes `maxBytes`, whatever Content-Length
 * claimed: an upload is never read into memory past the limit.
 */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new AppError("uploadTooLarge", 413, { maxMb: Math.round(maxBytes / 1024 / 1024) });
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * Uploads come from our own pages with fetch: same origin, a content type a plain HTML form cannot
 * send. Together with SameSite cookies this keeps other sites from posting files in a staff member's name.
 */
export function requireSameOriginUpload(request: Request) {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && host && new URL(origin).host !== host) throw new AppError("forbidden", 403);
  if (request.headers.get("content-type")?.split(";")[0]?.trim() !== "application/octet-stream") throw new AppError("uploadTypeNotAllowed", 415, { allowed: "CSV, XLSX" });
}
