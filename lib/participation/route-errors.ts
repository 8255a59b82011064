// Route handlers answer expected failures like server actions do: the status, and the message key
// with its figures for the page to translate; anything else is logged with an id.
import { randomUUID } from "node:crypto";

import { isAppError } from "@/lib/errors";
import { databaseUnavailable, isDatabaseUnavailable } from "@/lib/reliability/database-unavailable";

export function errorResponse(error: unknown, where: string): Response {
  if (isDatabaseUnavailable(error)) error = databaseUnavailable();
  if (isAppError(error)) {
    return Response.json({ code: error.code, params: error.params, fields: error.fields }, { status: error.status, headers: { "Cache-Control": "no-store" } });
  }
  const id = randomUUID().slice(0, 8);
  console.error(`[route ${where}] unexpected error ${id}:`, error);
  return Response.json({ code: "unexpected", params: { id } }, { status: 500, headers: { "Cache-Control": "no-store" } });
}
