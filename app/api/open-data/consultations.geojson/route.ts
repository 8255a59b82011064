import { communeFilter, errorResponse, OPEN_DATA_HEADERS, openDataPreflight, publicOrigin } from "@/lib/disclosure/http";
import { openConsultationsGeoJson } from "@/lib/disclosure/open-data-cache";

export const dynamic = "force-dynamic";

/** Published consultations with their map shapes, as GeoJSON; `?commune=<slug>` for one commune. */
export async function GET(request: Request) {
  try {
    const commune = await communeFilter(request);
    const body = await openConsultationsGeoJson(commune?.id ?? null, publicOrigin(request));
    return new Response(body, {
      headers: {
        ...OPEN_DATA_HEADERS,
        "Content-Type": "application/geo+json; charset=utf-8",
        "Content-Disposition": `inline; filename="danban-${commune?.slug ?? "all"}-consultations.geojson"`,
      },
    });
  } catch (error) {
    return errorResponse(error, request, { "Access-Control-Allow-Origin": "*" });
  }
}

export const OPTIONS = openDataPreflight;
