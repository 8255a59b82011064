import { getSessionUser } from "@/lib/auth/session";
import { handleInspectionReport } from "@/lib/inspection/report";

export const dynamic = "force-dynamic";

/** The People's Inspection Board's report to the Front for a period (?period=2026-Q4, 2026-H2 or 2026) as DOCX or PDF. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; format: string }> }) {
  const { slug, format } = await params;
  const user = await getSessionUser();
  return handleInspectionReport(slug, format, new URL(request.url).searchParams.get("period"), user?.id ?? null);
}
