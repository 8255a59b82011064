import { chainOfRequest, publicAuditHeaders } from "@/lib/oversight/chain-of-request";
import { getChainHead } from "@/lib/oversight/verify-chain";

export const dynamic = "force-dynamic";

/**
 * The head of a commune's audit chain (?commune=<slug>; without it, the platform chain) as the sealer
 * last published it: one row read, never a count. Public: write it down, and any later edit or removal
 * of an earlier entry changes it.
 */
export async function GET(request: Request) {
  const chain = await chainOfRequest(request);
  if (chain instanceof Response) return chain;
  return Response.json(await getChainHead(chain.communeId), { headers: publicAuditHeaders });
}
