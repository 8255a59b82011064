// Photos of notice-board postings: the evidence that a notice was really put up. Staff upload them
// (images only, judged by content, within the size limit); anyone may see the photo of a posting of a
// published item, and only through the commune it belongs to.
import { type CommuneAccess, requireCommuneAccess } from "@/lib/auth/authorize";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { getCommuneBySlugOrThrow } from "@/lib/communes/get-commune";
import { PUBLIC_STATUSES } from "@/lib/consultations/get-consultation";
import { db } from "@/lib/db";
import { invalid, unauthenticated } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { inspectAndCleanUpload } from "@/lib/storage/clean-image";
import { IMAGE_TYPES } from "@/lib/storage/inspect-upload";
import { parseMultipart, readLimitedBody } from "@/lib/storage/read-upload";
import { saveAttachment } from "@/lib/storage/save-attachment";
import { getStorage } from "@/lib/storage/storage";

/**
 * The upload as the route receives it (multipart field "file"): the role first, then the body, read
 * with a cap that holds without Content-Length.
 */
export async function acceptPostingPhotoUpload(request: Request, communeSlug: string, userId: string | null) {
  const commune = await getCommuneBySlugOrThrow(communeSlug);
  if (!userId) throw unauthenticated();
  const access = await requireCommuneAccess(userId, commune.id, STAFF_ROLES, { write: true });
  const body = await readLimitedBody(request);
  const file = (await parseMultipart(body, request.headers.get("content-type")).catch(() => null))?.get("file");
  if (!(file instanceof File)) throw invalid("uploadMissing", {}, { file: "uploadMissing" });
  return savePostingPhoto(access, { name: file.name, data: Buffer.from(await file.arrayBuffer()) });
}

export async function savePostingPhoto(access: CommuneAccess, file: { name: string; data: Buffer }) {
  const { data, inspected } = await inspectAndCleanUpload(file.data, IMAGE_TYPES);
  return db.$transaction(async (tx) => {
    const photo = await saveAttachment(
      { communeId: access.communeId, kind: "POSTING_PHOTO", fileName: file.name, uploadedById: access.userId, data, inspected },
      tx,
    );
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "attachment.upload",
      entityType: "Attachment",
      entityId: photo.id,
      after: { ...photo, sha256: inspected.sha256 },
      details: { kind: "POSTING_PHOTO", mimeType: photo.mimeType, sizeBytes: photo.sizeBytes },
    });
    return photo;
  });
}

/**
 * The photo of a posting, when the posting belongs to this commune and to a published item (a
 * consultation visitors can see, or a published outcome notice). Null otherwise: the caller answers 404,
 * the same for "no such posting" and "another commune's posting".
 */
export async function loadPublicPostingPhoto(communeSlug: string, postingId: string) {
  const commune = await db.commune.findUnique({ where: { slug: communeSlug }, select: { id: true } });
  if (!commune) return null;
  const posting = await db.disclosurePosting.findFirst({
    where: {
      id: postingId,
      communeId: commune.id,
      photoId: { not: null },
      OR: [{ consultation: { status: { in: PUBLIC_STATUSES } } }, { notice: { status: "PUBLISHED" } }],
    },
    select: { communeId: true, photoId: true },
  });
  if (!posting?.photoId) return null;
  const photo = await db.attachment.findFirst({
    where: { id: posting.photoId, communeId: posting.communeId, kind: "POSTING_PHOTO" },
    select: { fileName: true, mimeType: true, storageKey: true, sha256: true },
  });
  if (!photo) return null;
  const data = await getStorage().get(photo.storageKey);
  return data ? { ...photo, data } : null;
}
