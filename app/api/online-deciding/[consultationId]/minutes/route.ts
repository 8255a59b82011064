import { getSessionUser } from "@/lib/auth/session";
import { handleOnlineMinutesDownload } from "@/lib/online-deciding/handle-minutes-download";

export const dynamic = "force-dynamic";

/** The minutes of a village's online vote (Decree 59/2023 Art. 5, form 03), DOCX or PDF. */
export async function GET(request: Request, { params }: { params: Promise<{ consultationId: string }> }) {
  const user = await getSessionUser();
  const { consultationId } = await params;
  return handleOnlineMinutesDownload(user?.id ?? null, consultationId, new URL(request.url));
}
