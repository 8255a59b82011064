import { errorResponse, requestLocale } from "@/lib/api/error-response";
import { requireCommuneAccess } from "@/lib/auth/authorize";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";
import { addConsultationAttachment } from "@/lib/consultations/attachments/add-attachment";
import { revalidateConsultationPages } from "@/lib/consultations/revalidate";
import { db } from "@/lib/db";
import { AppError, notFound, unauthenticated } from "@/lib/errors";
import { assertDeclaredSize } from "@/lib/storage/inspect-upload";
import { parseMultipart, readLimitedBody } from "@/lib/storage/read-upload";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ communeId: string; consultationId: string }> };

/**
 * Uploads one file (multipart field "file", optional "title") to a consultation. A route handler, not
 * a server action: the size limit is checked from Content-Length before the body is read, and the
 * refusal is ours and readable.
 */
export async function POST(request: Request, { params }: Params) {
  const locale = requestLocale(request);
  try {
    const { communeId, consultationId } = await params;
    const user = await getSessionUser();
    if (!user) throw unauthenticated();
    assertDeclaredSize(request.headers.get("content-length"));
    const access = await requireCommuneAccess(user.id, communeId, STAFF_ROLES, { write: true });
    // Before the body is read: nothing is taken in for a consultation that is not this commune's.
    if ((await db.consultation.count({ where: { id: consultationId, communeId: access.communeId } })) === 0) {
      throw notFound("consultationNotFound");
    }

    const form = await parseMultipart(await readLimitedBody(request), request.headers.get("content-type"));
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("uploadMissing", 422, {}, { file: "uploadMissing" });
    const title = form.get("title");
    const saved = await addConsultationAttachment(access, consultationId, {
      data: Buffer.from(await file.arrayBuffer()),
      fileName: file.name,
      title: typeof title === "string" ? title : null,
    });
    const commune = await db.commune.findUniqueOrThrow({ where: { id: access.communeId }, select: { slug: true } });
    revalidateConsultationPages(commune.slug, consultationId);
    return Response.json(saved, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, locale, "upload attachment");
  }
}
