import { errorResponse, requestLocale } from "@/lib/api/error-response";
import { getSessionUser } from "@/lib/auth/session";
import { assertSameOrigin } from "@/lib/disclosure/http";
import { acceptAttachmentUpload } from "@/lib/consultations/attachments/accept-upload";
import { revalidateConsultationPages } from "@/lib/consultations/revalidate";
import { db } from "@/lib/db";
import { uploadRoute } from "@/lib/api/upload-route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ consultationId: string }> };

/**
 * Uploads one file to a consultation. A route handler, not a server action: the size limit is
 * checked from Content-Length before the body is read, and the refusal is ours and readable. The
 * commune comes with the request (?commune=<id>) and is checked like any other: the consultation must
 * belong to it and the user must be its staff.
 */
export const POST = uploadRoute(async (request: Request, { params }: Params) => {
  const locale = requestLocale(request);
  try {
    // Only this site's own pages upload (a form elsewhere could post multipart with the user's cookies).
    assertSameOrigin(request);
    const { consultationId } = await params;
    const target = { consultationId, communeId: new URL(request.url).searchParams.get("commune") ?? "" };
    const user = await getSessionUser();
    const saved = await acceptAttachmentUpload(request, target, user?.id ?? null);
    const commune = await db.commune.findUniqueOrThrow({ where: { id: target.communeId }, select: { slug: true } });
    revalidateConsultationPages(commune.slug, target.consultationId);
    return Response.json(saved, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, locale, "upload attachment");
  }
});
