import { getSessionUser } from "@/lib/auth/session";
import { handleDisclosureListDownload } from "@/lib/periodic-reports/routes";

export const dynamic = "force-dynamic";

/** The quarterly list of disclosed information (Law 10/2022 Art. 13.2; ?quarter=2026-Q4) as DOCX or PDF. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; format: string }> }) {
  const { slug, format } = await params;
  const user = await getSessionUser();
  return handleDisclosureListDownload(slug, format, new URL(request.url).searchParams.get("quarter"), user?.id ?? null);
}
