// Whether an error means "the database cannot be reached right now" (restarting, failing over, down):
// the request is answered 503 with a message saying so and asking to try again in a moment, instead of
// an "unexpected error". Nothing was written: a transaction that loses its connection is rolled back.
import { AppError } from "@/lib/errors";

/** Connection failures of the pg driver and PostgreSQL's own "shutting down / starting up" codes. */
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"]);
// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, class 08 connection exceptions.
const SQLSTATE = /^(57P0[123]|08\d{3})$/;
const MESSAGES = [
  /Connection terminated/i,
  /terminating connection due to administrator command/i,
  /the database system is (shutting down|starting up|in recovery mode|not yet accepting connections)/i,
  /timeout exceeded when trying to connect/i,
  /Can't reach database server/i,
  /Client has encountered a connection error/i,
  /Connection (closed|refused)/i,
  /DatabaseNotReachable|ConnectionClosed|SocketTimeout/,
];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 6) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown; originalCode?: unknown; errors?: unknown };
  if (typeof e.code === "string" && (NODE_CODES.has(e.code) || SQLSTATE.test(e.code) || e.code === "P1001" || e.code === "P1017")) return true;
  if (typeof e.originalCode === "string" && SQLSTATE.test(e.originalCode)) return true;
  if (typeof e.kind === "string" && /DatabaseNotReachable|ConnectionClosed|SocketTimeout/.test(e.kind)) return true;
  if (typeof e.message === "string" && MESSAGES.some((m) => m.test(e.message as string))) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

export const databaseUnavailable = () => new AppError("databaseUnavailable", 503, { seconds: 15 });
