import { getSessionUser } from "@/lib/auth/session";
import { handleConclusionDownload } from "@/lib/reception/conclusion-notice";

export const dynamic = "force-dynamic";

/** The conclusion notice of a reception session (Law 42/2013 Art. 25.2) as DOCX or PDF: staff, leaders and the Front. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; id: string; format: string }> }) {
  const { slug, id, format } = await params;
  const user = await getSessionUser();
  return handleConclusionDownload(slug, id, format, user?.id ?? null);
}
