import { getSessionUser } from "@/lib/auth/session";
import { handleNoticeDownload } from "@/lib/notices/handle-download";

export const dynamic = "force-dynamic";

/** The outcome notice as DOCX or PDF: public once published, staff, leaders and the Front before. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; id: string; format: string }> }) {
  const { slug, id, format } = await params;
  const user = await getSessionUser();
  return handleNoticeDownload(slug, id, format, user?.id ?? null);
}
