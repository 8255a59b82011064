import { communeFilter, errorResponse, OPEN_DATA_HEADERS, openDataPreflight, publicOrigin } from "@/lib/disclosure/http";
import { listOpenConsultations } from "@/lib/disclosure/list-open-consultations";
import { toCsv } from "@/lib/disclosure/open-data";

export const dynamic = "force-dynamic";

/** Published consultations, one row each, as CSV (UTF-8 with BOM); `?commune=<slug>` for one commune. */
export async function GET(request: Request) {
  try {
    const commune = await communeFilter(request);
    const items = await listOpenConsultations(commune?.id);
    return new Response(toCsv(items, publicOrigin(request)), {
      headers: {
        ...OPEN_DATA_HEADERS,
        "Content-Type": "text/csv; charset=utf-8; header=present",
        "Content-Disposition": `attachment; filename="danban-${commune?.slug ?? "all"}-consultations.csv"`,
      },
    });
  } catch (error) {
    return errorResponse(error, request, { "Access-Control-Allow-Origin": "*" });
  }
}

export const OPTIONS = openDataPreflight;
