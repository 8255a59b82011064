import { getSessionUser } from "@/lib/auth/session";
import { serveAttachment } from "@/lib/consultations/attachments/serve-attachment";

export const dynamic = "force-dynamic";

/** Downloads a consultation's attachment: public while its consultation is, staff of the commune otherwise. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveAttachment(request, id, async () => (await getSessionUser())?.id ?? null);
}
