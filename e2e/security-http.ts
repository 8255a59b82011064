// Talking to the app the way a browser (or an attacker with curl) does: sign in through next-auth's
// own endpoints, call server actions with the Next-Action header, read the result of an action from
// the React Server Components payload.
import { request, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { readFileSync } from "node:fs";

import { DEMO_PASSWORD } from "./fixtures";

export const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? "3210"}`;

/**
 * A signed-in (or, with null, anonymous) HTTP client. Each client comes from its own address (a
 * forwarded-for header) so that the per-address sign-in limit of one spec does not spend another's.
 */
export async function httpClient(identifier: string | null, address: string, baseURL = BASE_URL): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": address } });
  if (identifier) {
    const result = await credentialsSignIn(ctx, identifier, DEMO_PASSWORD);
    if (!result.ok) throw new Error(`sign-in of ${identifier} failed: ${result.error}`);
  }
  return ctx;
}

/** next-auth's credentials sign-in as its own client does it: the CSRF token first, then the callback. */
export async function credentialsSignIn(ctx: APIRequestContext, identifier: string, password: string): Promise<{ ok: boolean; status: number; error: string | null }> {
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { csrfToken, identifier, password, json: "true", callbackUrl: "/" },
    maxRedirects: 0,
  });
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  const error = body.url ? new URL(body.url, "http://x").searchParams.get("error") : null;
  const session = (await (await ctx.get("/api/auth/session")).json()) as { user?: { id: string } };
  return { ok: Boolean(session.user) && !error, status: res.status(), error };
}

export type ActionOutcome = {
  status: number;
  /** The result object of next-safe-action, when the payload carried one. */
  result: { data?: unknown; serverError?: { code: string; status: number; params?: Record<string, unknown> }; validationErrors?: unknown } | null;
  body: string;
};

/** Calls a server action by id, as React's client does for plain JSON arguments. */
export async function callAction(ctx: APIRequestContext, action: { id: string; page: string }, input: unknown, options: { origin?: string } = {}): Promise<ActionOutcome> {
  const res = await ctx.post(action.page, {
    headers: {
      "Next-Action": action.id,
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      ...(options.origin ? { Origin: options.origin } : {}),
    },
    data: JSON.stringify([input]),
    maxRedirects: 0,
  });
  const body = await res.text();
  return { status: res.status(), result: actionResult(body), body };
}

/** The first row of the flight payload that is a next-safe-action result. */
export function actionResult(body: string): ActionOutcome["result"] {
  for (const line of body.split("\n")) {
    const m = /^[0-9a-f]+:(\{.*\})$/.exec(line);
    if (!m) continue;
    try {
      const value = JSON.parse(m[1]!) as Record<string, unknown>;
      if ("serverError" in value || "validationErrors" in value || "data" in value) return value as ActionOutcome["result"];
      if (Object.keys(value).length === 0) return {};
    } catch {
      // not JSON: another kind of row
    }
  }
  return null;
}

/** A long-lived connection to the run's database, for counting what was (not) written. */
export async function databaseClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: readFileSync("test-results/e2e-database-url", "utf8").trim() });
  await client.connect();
  return client;
}

/** Rows per table of the app (schema public), to prove that a refused call wrote nothing. */
export async function rowCounts(client: pg.Client, except: string[] = []): Promise<Record<string, number>> {
  const tables = (
    await client.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_prisma%' ORDER BY 1`)
  ).rows
    .map((r) => r.name)
    .filter((n) => !except.includes(n));
  const sql = tables.map((t) => `SELECT '${t}' AS name, count(*)::int AS n FROM "${t}"`).join(" UNION ALL ");
  const rows = (await client.query<{ name: string; n: number }>(sql)).rows;
  return Object.fromEntries(rows.map((r) => [r.name, r.n]));
}

/**
 * Rows per table and, where the table has one, its latest "updatedAt": a call that wrote nothing
 * leaves both alone, so an update of an existing row shows as well as an insert.
 */
export async function tableFingerprint(client: pg.Client, except: string[] = []): Promise<Record<string, string>> {
  const counts = await rowCounts(client, except);
  const updated = (
    await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'updatedAt' ORDER BY 1`,
    )
  ).rows
    .map((r) => r.name)
    .filter((n) => n in counts);
  const latest = updated.length
    ? (await client.query<{ name: string; at: string | null }>(updated.map((t) => `SELECT '${t}' AS name, max("updatedAt")::text AS at FROM "${t}"`).join(" UNION ALL "))).rows
    : [];
  const at = Object.fromEntries(latest.map((r) => [r.name, r.at]));
  return Object.fromEntries(Object.entries(counts).map(([t, n]) => [t, t in at ? `${n} rows, updated ${at[t]}` : `${n} rows`]));
}

/** The tables whose fingerprint differs. */
export const changedTables = (before: Record<string, string | number>, after: Record<string, string | number>) => Object.keys(after).filter((t) => after[t] !== before[t]);
