// Route handlers answer expected failures like server actions do: the status, and the message key
// with its figures for the page to translate (and the Vietnamese sentence itself, for any other
// client); anything else is logged with an id.
import { randomUUID } from "node:crypto";

import { translateError } from "@/lib/api/error-response";
import { isAppError } from "@/lib/errors";
import { databaseUnavailable, isDatabaseUnavailable } from "@/lib/reliability/database-unavailable";

export function errorResponse(error: unknown, where: string): Response {
  if (isDatabaseUnavailable(error)) error = databaseUnavailable();
  if (isAppError(error)) {
    return Response.json({ code: error.code, message: translateError("vi", error.code, error.params), params: error.params, fields: error.fields }, { status: error.status, headers: { "Cache-Control": "no-store" } });
  }
  const id = randomUUID().slice(0, 8);
  console.error(`[route ${where}] unexpected error ${id}:`, error);
  return Response.json({ code: "unexpected", message: translateError("vi", "unexpected", { id }), params: { id } }, { status: 500, headers: { "Cache-Control": "no-store" } });
}
