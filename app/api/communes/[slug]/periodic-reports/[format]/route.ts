import { getSessionUser } from "@/lib/auth/session";
import { handlePeriodicReportDownload } from "@/lib/periodic-reports/routes";

export const dynamic = "force-dynamic";

/** The periodic report on grassroots democracy (?period=2026-Q4, 2026-H2 or 2026) as DOCX or PDF. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; format: string }> }) {
  const { slug, format } = await params;
  const user = await getSessionUser();
  return handlePeriodicReportDownload(slug, format, new URL(request.url).searchParams.get("period"), user?.id ?? null);
}
