import "server-only";

// GET a consultation's opinions as CSV, XLSX (all opinions with their answers) or GeoJSON (pinned
// opinions), for staff, leaders and the Front of its commune. Streamed from the database in batches.
import { errorResponse, requireRouteAccess } from "@/lib/api/commune-route";
import { FRONT_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { type Locale, routing } from "@/lib/i18n/routing";

import { opinionRowBatches } from "./load-rows";
import { csvStream, geoJsonStream, xlsxStream } from "./stream-exports";

export const EXPORT_ROLES = [...STAFF_ROLES, ...FRONT_ROLES];

const TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  geojson: "application/geo+json; charset=utf-8",
} as const;

export type ExportFormat = keyof typeof TYPES;
export const EXPORT_FORMATS = Object.keys(TYPES) as ExportFormat[];
const isFormat = (value: string): value is ExportFormat => value in TYPES;

export async function handleOpinionExport(request: Request, slug: string, consultationId: string, format: string, userId: string | null): Promise<Response> {
  try {
    if (!isFormat(format)) throw notFound();
    const { commune } = await requireRouteAccess(userId, slug, EXPORT_ROLES);
    const consultation = await db.consultation.findFirst({ where: { id: consultationId, communeId: commune.id }, select: { id: true, title: true } });
    if (!consultation) throw notFound("consultationNotFound");
    const asked = new URL(request.url).searchParams.get("locale");
    const locale: Locale = routing.locales.find((l) => l === asked) ?? routing.defaultLocale;
    const body =
      format === "csv"
        ? csvStream(opinionRowBatches(consultation.id), locale)
        : format === "xlsx"
          ? xlsxStream(opinionRowBatches(consultation.id), locale, { title: consultation.title })
          : geoJsonStream(opinionRowBatches(consultation.id, { pinnedOnly: true }));
    const name = format === "geojson" ? `y-kien-gan-ban-do-${consultation.id}` : `y-kien-${consultation.id}`;
    return new Response(body, {
      headers: {
        "Content-Type": TYPES[format],
        "Content-Disposition": `attachment; filename="${name}.${format}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error, "consultations/exports");
  }
}
