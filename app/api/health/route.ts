import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/** 200 with the database's state when it answers, 503 while it does not. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
