import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { getAuditEvent } from "@/lib/oversight/verify-chain";

export const dynamic = "force-dynamic";

/**
 * One audit entry with every field its hash covers, the hash recomputed by the server, and whether it
 * checks against the entry before it — enough for anyone to verify it independently
 * (sha256 of the canonical JSON of the fields, see lib/oversight/audit.ts).
 */
export async function GET(request: Request, { params }: { params: Promise<{ seq: string }> }) {
  const { seq } = await params;
  if (!/^\d{1,18}$/.test(seq)) return Response.json({ error: "invalidInput" }, { status: 400 });
  const slug = new URL(request.url).searchParams.get("commune");
  let communeId: string | null = null;
  if (slug) {
    const commune = await getCommuneBySlug(slug);
    if (!commune) return Response.json({ error: "communeNotFound" }, { status: 404 });
    communeId = commune.id;
  }
  const result = await getAuditEvent(communeId, BigInt(seq));
  if (!result) return Response.json({ error: "notFound" }, { status: 404 });
  return Response.json(result, { headers: { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" } });
}
