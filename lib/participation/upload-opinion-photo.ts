// A photo attached to an opinion (a flooded road, a broken culvert): uploaded first, then named by the
// opinion that is posted. Images only, judged by their content; the same size limit as other files.
import { requireCommuneAccess } from "@/lib/auth/authorize";
import { isOpenForComment } from "@/lib/consultations/get-consultation";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError, conflict, notFound, unauthenticated } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { consumeRateLimit } from "@/lib/rate-limit";
import { inspectAndCleanUpload } from "@/lib/storage/clean-image";
import { assertDeclaredSize, IMAGE_TYPES } from "@/lib/storage/inspect-upload";
import { parseMultipart, readLimitedBody } from "@/lib/storage/read-upload";
import { saveAttachment } from "@/lib/storage/save-attachment";

import { loadResidentContext } from "./resident-context";

export async function acceptOpinionPhoto(request: Request, target: { communeId: string; consultationId: string }, userId: string | null) {
  if (!userId) throw unauthenticated();
  assertDeclaredSize(request.headers.get("content-length"));
  const access = await requireCommuneAccess(userId, target.communeId, ["RESIDENT"], { write: true });
  await loadResidentContext(access);
  const consultation = await db.consultation.findFirst({
    where: { id: target.consultationId, communeId: access.communeId },
    select: { id: true, status: true, commentStartsAt: true, commentEndsAt: true, allowedChannels: true },
  });
  if (!consultation || consultation.status === "DRAFT" || consultation.status === "SCHEDULED") throw notFound("consultationNotFound");
  if (!isOpenForComment(consultation) || !consultation.allowedChannels.includes("WEB")) throw conflict("commentClosed");
  await consumeRateLimit("photo", userId);
  return storeOpinionPhoto(request, { communeId: access.communeId, consultationId: consultation.id, userId, actorRole: "RESIDENT", action: "opinion.photo" });
}

/**
 * The upload itself, once the caller is checked: the image judged by its content, its metadata (place,
 * camera) stripped, stored as the consultation's OPINION_PHOTO attachment of this uploader, audited.
 * Also used for the scan of a paper opinion (lib/channels/upload-scan.ts).
 */
export async function storeOpinionPhoto(
  request: Request,
  who: { communeId: string; consultationId: string; userId: string; actorRole: Role; action: string },
) {
  const form = await parseMultipart(await readLimitedBody(request), request.headers.get("content-type"));
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("uploadMissing", 422, {}, { file: "uploadMissing" });
  const { data, inspected } = await inspectAndCleanUpload(Buffer.from(await file.arrayBuffer()), IMAGE_TYPES);
  return db.$transaction(async (tx) => {
    await appendAudit(tx, {
      communeId: who.communeId,
      actorId: who.userId,
      actorRole: who.actorRole,
      action: who.action,
      entityType: "Attachment",
      entityId: null,
      after: { sha256: inspected.sha256, sizeBytes: inspected.sizeBytes },
      details: { consultationId: who.consultationId },
    });
    const saved = await saveAttachment(
      { communeId: who.communeId, consultationId: who.consultationId, kind: "OPINION_PHOTO", fileName: file.name, uploadedById: who.userId, data, inspected },
      tx,
    );
    return { id: saved.id, fileName: saved.fileName, sizeBytes: saved.sizeBytes };
  });
}
