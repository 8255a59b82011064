import { errorResponse, requestLocale } from "@/lib/api/error-response";
import { notFound } from "@/lib/errors";
import { getStorage } from "@/lib/storage/storage";

import { downloadHeaders } from "./download-headers";
import { findDownloadableAttachment } from "./find-downloadable";

/**
 * The download of an attachment, for whoever may see it (find-downloadable.ts); a 404 for everyone
 * else. `getUserId` is called only when the file is not public: public downloads read no session.
 */
export async function serveAttachment(request: Request, attachmentId: string, getUserId: () => Promise<string | null>): Promise<Response> {
  const locale = requestLocale(request);
  try {
    const found = await findDownloadableAttachment(attachmentId, getUserId);
    if (!found) throw notFound("attachmentNotFound");
    const headers = downloadHeaders(found.attachment, found.isPublic);
    if (request.headers.get("if-none-match") === headers.ETag) {
      const { "Content-Length": _length, ...rest } = headers;
      return new Response(null, { status: 304, headers: rest });
    }
    const data = await getStorage().get(found.attachment.storageKey);
    if (!data) {
      console.error(`[attachments] file missing for ${attachmentId}: ${found.attachment.storageKey}`);
      throw notFound("attachmentNotFound");
    }
    return new Response(new Uint8Array(data), { status: 200, headers });
  } catch (error) {
    return errorResponse(error, locale, "download attachment");
  }
}
