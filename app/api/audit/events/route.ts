import { chainOfRequest, publicAuditHeaders } from "@/lib/oversight/chain-of-request";
import { listChainEvents } from "@/lib/oversight/verify-chain";

export const dynamic = "force-dynamic";

const PAGE = 1000;

/**
 * The sealed entries of a chain in chain order, in their public form, a page at a time
 * (?commune=<slug>&after=<position>): what `npm run audit:verify -- --from <site>` walks to verify the
 * chain against the published head without any access to the database.
 */
export async function GET(request: Request) {
  const after = new URL(request.url).searchParams.get("after") ?? "0";
  if (!/^\d{1,18}$/.test(after)) return Response.json({ error: "invalidInput" }, { status: 400 });
  const chain = await chainOfRequest(request);
  if (chain instanceof Response) return chain;
  const events = await listChainEvents(chain.communeId, BigInt(after), PAGE);
  const next = events.length === PAGE ? events.at(-1)!.position : null;
  return Response.json({ events, next }, { headers: publicAuditHeaders });
}
