import { getSessionUser } from "@/lib/auth/session";
import { handleCountMinutesDownload } from "@/lib/meeting-minutes/handle-download";

export const dynamic = "force-dynamic";

/** The ballot-count minutes of a village meeting (DOCX or PDF), printed for the counting team to sign. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  const { id } = await params;
  return handleCountMinutesDownload(user?.id ?? null, id, new URL(request.url));
}
