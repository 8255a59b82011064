import { chainOfRequest, publicAuditHeaders } from "@/lib/oversight/chain-of-request";
import { getAuditEvent } from "@/lib/oversight/verify-chain";

export const dynamic = "force-dynamic";

/**
 * One audit entry in its public form (every field its hash covers; never an account id or a digest a
 * guess could reverse), the hash recomputed by the server, and whether it checks against the entry
 * before it — enough for anyone to verify it independently (README "The audit log").
 */
export async function GET(request: Request, { params }: { params: Promise<{ seq: string }> }) {
  const { seq } = await params;
  if (!/^\d{1,18}$/.test(seq)) return Response.json({ error: "invalidInput" }, { status: 400 });
  const chain = await chainOfRequest(request);
  if (chain instanceof Response) return chain;
  const result = await getAuditEvent(chain.communeId, BigInt(seq));
  if (!result) return Response.json({ error: "notFound" }, { status: 404 });
  return Response.json(result, { headers: publicAuditHeaders });
}
