import { getSessionUser } from "@/lib/auth/session";
import { handleInvestorNotice } from "@/lib/supervision/investor-notice";

export const dynamic = "force-dynamic";

/** The Front's notice to the investor of a supervision board's plan and members (Law 10/2022 Art. 45.1.b), as DOCX or PDF. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; boardId: string; format: string }> }) {
  const { slug, boardId, format } = await params;
  const user = await getSessionUser();
  return handleInvestorNotice(slug, boardId, format, user?.id ?? null);
}
