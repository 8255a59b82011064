import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { getChainHead } from "@/lib/oversight/verify-chain";

export const dynamic = "force-dynamic";

/**
 * The head of a commune's audit chain (?commune=<slug>; without it, the platform chain). Public: write
 * it down, and any later edit or removal of an earlier entry changes it.
 */
export async function GET(request: Request) {
  const slug = new URL(request.url).searchParams.get("commune");
  let communeId: string | null = null;
  if (slug) {
    const commune = await getCommuneBySlug(slug);
    if (!commune) return Response.json({ error: "communeNotFound" }, { status: 404 });
    communeId = commune.id;
  }
  return Response.json(await getChainHead(communeId), { headers: { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" } });
}
