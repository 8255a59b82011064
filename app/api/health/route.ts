import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/** The page fetched besides the database: a real page through the proxy and the locale rewrite. */
const PAGE = "/sign-in";

/** 200 when the database and a page answer, 503 otherwise. */
export async function GET(request: Request) {
  // request.url carries the address this server was started on, so the page is fetched from itself.
  const health = await checkHealth({ pageUrl: new URL(PAGE, request.url).toString() });
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
