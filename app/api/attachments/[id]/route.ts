import { getSessionUser } from "@/lib/auth/session";
import { downloadHeaders } from "@/lib/consultations/attachments/download-headers";
import { findDownloadableAttachment } from "@/lib/consultations/attachments/find-downloadable";
import { errorResponse, requestLocale } from "@/lib/api/error-response";
import { notFound } from "@/lib/errors";
import { getStorage } from "@/lib/storage/storage";

export const dynamic = "force-dynamic";

/** Downloads a consultation's attachment: public while its consultation is, staff of the commune otherwise. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const locale = requestLocale(request);
  try {
    const { id } = await params;
    // The session is read only when the file is not public: public downloads stay cookie-free.
    const found = await findDownloadableAttachment(id, async () => (await getSessionUser())?.id ?? null);
    if (!found) throw notFound("attachmentNotFound");
    const headers = downloadHeaders(found.attachment, found.isPublic);
    if (request.headers.get("if-none-match") === headers.ETag) {
      const { "Content-Length": _length, ...rest } = headers;
      return new Response(null, { status: 304, headers: rest });
    }
    const data = await getStorage().get(found.attachment.storageKey);
    if (!data) {
      console.error(`[attachments] file missing for ${id}: ${found.attachment.storageKey}`);
      throw notFound("attachmentNotFound");
    }
    return new Response(new Uint8Array(data), { status: 200, headers });
  } catch (error) {
    return errorResponse(error, locale, "download attachment");
  }
}
