import { type Db, db } from "@/lib/db";

const TIMEOUT_MS = 2000;

type Part = { status: "up"; latencyMs: number } | { status: "down"; error: string };

function timeout(): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS));
}

async function checkDatabase(client: Pick<Db, "$queryRaw">): Promise<Part> {
  const started = Date.now();
  try {
    await Promise.race([client.$queryRaw`SELECT 1`, timeout()]);
    return { status: "up", latencyMs: Date.now() - started };
  } catch (error) {
    return { status: "down", error: error instanceof Error ? error.message.split("\n")[0]! : "unknown" };
  }
}

/**
 * Fetches a page of this server as a browser would, redirects not followed: a database that answers
 * does not make a site that serves nothing but redirects (the locale rewrite looping on a bind
 * address, issue 11) healthy. Only a 200 counts.
 */
async function checkPage(url: string): Promise<Part> {
  const started = Date.now();
  try {
    const response = await fetch(url, { redirect: "manual", cache: "no-store", signal: AbortSignal.timeout(TIMEOUT_MS) });
    await response.body?.cancel();
    if (response.status !== 200) return { status: "down", error: `HTTP ${response.status}` };
    return { status: "up", latencyMs: Date.now() - started };
  } catch (error) {
    return { status: "down", error: error instanceof Error ? error.name : "unknown" };
  }
}

/** The database, and (given its address) a page of the app: "ok" only when both answer. */
export async function checkHealth(options: { client?: Pick<Db, "$queryRaw">; pageUrl?: string } = {}) {
  const [database, page] = await Promise.all([checkDatabase(options.client ?? db), options.pageUrl ? checkPage(options.pageUrl) : undefined]);
  const ok = database.status === "up" && (!page || page.status === "up");
  return { status: ok ? ("ok" as const) : ("error" as const), database, ...(page ? { page } : {}) };
}
