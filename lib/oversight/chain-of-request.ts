// The chain a public audit route is asked about: ?commune=<slug>, or the platform chain without it.
import { getCommuneBySlug } from "@/lib/communes/get-commune";

export const publicAuditHeaders = { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" };

export async function chainOfRequest(request: Request): Promise<{ communeId: string | null } | Response> {
  const slug = new URL(request.url).searchParams.get("commune");
  if (!slug) return { communeId: null };
  const commune = await getCommuneBySlug(slug);
  if (!commune) return Response.json({ error: "communeNotFound" }, { status: 404 });
  return { communeId: commune.id };
}
