import { listPublicCasePins } from "@/lib/cases/list-cases";
import { listKey, readListQuery } from "@/lib/cases/list-key";
import { cachedBody, cachedResponse, casePinsCache } from "@/lib/cases/public-cache";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { errorResponse } from "@/lib/disclosure/http";
import { notFound } from "@/lib/errors";

export const dynamic = "force-dynamic";

// Anyone may read it (public cases only); a browser revalidates each time (ETag → 304), so a change
// shows at once; the body is kept in this process (lib/cases/public-cache.ts).
const HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, no-cache", "X-Content-Type-Options": "nosniff" };

/** The public map's pins of one commune, with the list's filters (`category`, `state`, `village`, `overdue=1`). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const { slug } = await params;
    const commune = slug.length <= 60 ? await getCommuneBySlug(slug) : null;
    if (!commune) throw notFound("communeNotFound");
    const url = new URL(request.url);
    const { filters } = readListQuery((name) => url.searchParams.get(name));
    const cached = await casePinsCache.get(`${commune.id}|${listKey({ filters, page: 1 })}`, async () =>
      cachedBody(JSON.stringify(await listPublicCasePins(commune.id, filters))),
    );
    return cachedResponse(request, cached, HEADERS);
  } catch (error) {
    return errorResponse(error, request);
  }
}
