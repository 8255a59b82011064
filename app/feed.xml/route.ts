import { buildAtomFeed } from "@/lib/disclosure/feed";
import { communeFilter, errorResponse, OPEN_DATA_HEADERS, publicOrigin } from "@/lib/disclosure/http";
import { listFeedItems } from "@/lib/disclosure/list-feed-items";

export const dynamic = "force-dynamic";

/** The Atom feed of new publications, of every commune or of one (`?commune=<slug>`). */
export async function GET(request: Request) {
  try {
    const commune = await communeFilter(request);
    const items = await listFeedItems(commune?.id);
    const xml = buildAtomFeed({ origin: publicOrigin(request), commune: commune ? { slug: commune.slug, name: commune.name } : null, items });
    return new Response(xml, { headers: { ...OPEN_DATA_HEADERS, "Content-Type": "application/atom+xml; charset=utf-8" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
