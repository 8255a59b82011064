import { requireCommuneAccess } from "@/lib/auth/authorize";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError, notFound, unauthenticated } from "@/lib/errors";
import { assertDeclaredSize } from "@/lib/storage/inspect-upload";
import { parseMultipart, readLimitedBody } from "@/lib/storage/read-upload";

import { addConsultationAttachment } from "./add-attachment";

/**
 * An upload as the route handler receives it (multipart field "file", optional "title"), checked in
 * the order that reads the least: who is asking, the declared size, the commune and the consultation,
 * and only then the body, itself read with a cap.
 */
export async function acceptAttachmentUpload(
  request: Request,
  target: { communeId: string; consultationId: string },
  userId: string | null,
) {
  if (!userId) throw unauthenticated();
  assertDeclaredSize(request.headers.get("content-length"));
  const access = await requireCommuneAccess(userId, target.communeId, STAFF_ROLES, { write: true });
  if ((await db.consultation.count({ where: { id: target.consultationId, communeId: access.communeId } })) === 0) {
    throw notFound("consultationNotFound");
  }
  const form = await parseMultipart(await readLimitedBody(request), request.headers.get("content-type"));
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("uploadMissing", 422, {}, { file: "uploadMissing" });
  const title = form.get("title");
  return addConsultationAttachment(access, target.consultationId, {
    data: Buffer.from(await file.arrayBuffer()),
    fileName: file.name,
    title: typeof title === "string" ? title : null,
  });
}
