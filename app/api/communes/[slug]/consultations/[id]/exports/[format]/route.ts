import { getSessionUser } from "@/lib/auth/session";
import { handleOpinionExport } from "@/lib/reports/exports/handle-export";

export const dynamic = "force-dynamic";

/** The consultation's opinions as CSV, XLSX or GeoJSON, for staff, leaders and the Front of the commune. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; id: string; format: string }> }) {
  const { slug, id, format } = await params;
  const user = await getSessionUser();
  return handleOpinionExport(request, slug, id, format, user?.id ?? null);
}
