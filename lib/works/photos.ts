// Photos of a work's milestones, as case photos (lib/cases/photos.ts): judged by their content, images
// only, re-encoded without metadata (no GPS position, no device), stored as IMAGE attachments with no
// consultation, and tied to their milestone by WorkMilestonePhoto. Staff upload first (the upload
// route), then name the photos when posting the milestone. A photo is public once its work is.
import { getStorage } from "@/lib/storage/storage";
import { requireCommuneAccess } from "@/lib/auth/authorize";
import { getCommuneBySlugOrThrow } from "@/lib/communes/get-commune";
import { db, type Tx } from "@/lib/db";
import { invalid, unauthenticated } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { consumeRateLimit } from "@/lib/rate-limit";
import { inspectAndCleanUpload } from "@/lib/storage/clean-image";
import { assertDeclaredSize, IMAGE_TYPES } from "@/lib/storage/inspect-upload";
import { parseMultipart, readLimitedBody } from "@/lib/storage/read-upload";
import { saveAttachment } from "@/lib/storage/save-attachment";

import { WORK_STAFF_ROLES } from "./roles";

/** One photo uploaded by staff ahead of a milestone; cleaned, stored and audited. */
export async function acceptWorkPhotoUpload(request: Request, communeSlug: string, userId: string | null) {
  const commune = await getCommuneBySlugOrThrow(communeSlug);
  if (!userId) throw unauthenticated();
  assertDeclaredSize(request.headers.get("content-length"));
  const access = await requireCommuneAccess(userId, commune.id, WORK_STAFF_ROLES, { write: true });
  await consumeRateLimit("photo", userId);
  const form = await parseMultipart(await readLimitedBody(request), request.headers.get("content-type")).catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) throw invalid("uploadMissing", {}, { file: "uploadMissing" });
  const clean = await inspectAndCleanUpload(Buffer.from(await file.arrayBuffer()), IMAGE_TYPES);
  return db.$transaction(async (tx) => {
    const saved = await saveAttachment({ communeId: commune.id, kind: "IMAGE", fileName: file.name, uploadedById: userId, data: clean.data, inspected: clean.inspected }, tx);
    await appendAudit(tx, {
      communeId: commune.id,
      actorId: userId,
      actorRole: access.actingRole,
      action: "work.photo",
      entityType: "Attachment",
      entityId: saved.id,
      after: { sha256: clean.inspected.sha256, sizeBytes: clean.inspected.sizeBytes },
    });
    return { id: saved.id, fileName: file.name, sizeBytes: clean.inspected.sizeBytes };
  });
}

/** Photos named by id must be this person's own uploads for a work, in this commune, not used yet. */
export async function checkOwnUnusedWorkPhotos(tx: Tx | typeof db, communeId: string, userId: string, photoIds: readonly string[]) {
  if (photoIds.length === 0) return;
  const found = await tx.attachment.count({ where: { id: { in: [...photoIds] }, communeId, kind: "IMAGE", consultationId: null, uploadedById: userId, removedAt: null } });
  const used = await tx.workMilestonePhoto.count({ where: { attachmentId: { in: [...photoIds] } } });
  if (found !== new Set(photoIds).size || used > 0) throw invalid("unknownPhoto", {}, { photoIds: "unknownPhoto" });
}

/** A milestone's photo: anyone's once its work is published, staff's before; null (a 404) otherwise. */
export async function loadWorkPhoto(communeSlug: string, attachmentId: string, viewerId: string | null) {
  const commune = await db.commune.findUnique({ where: { slug: communeSlug }, select: { id: true } });
  if (!commune) return null;
  const photo = await db.workMilestonePhoto.findFirst({ where: { attachmentId, communeId: commune.id }, select: { milestone: { select: { work: { select: { publishedAt: true } } } } } });
  if (!photo) return null;
  const isPublic = photo.milestone.work.publishedAt !== null;
  if (!isPublic) {
    const staff = viewerId ? await db.membership.count({ where: { userId: viewerId, communeId: commune.id, status: "VERIFIED", role: { in: WORK_STAFF_ROLES } } }) : 0;
    if (staff === 0) return null;
  }
  const attachment = await db.attachment.findFirst({ where: { id: attachmentId, communeId: commune.id, kind: "IMAGE", removedAt: null }, select: { storageKey: true, mimeType: true, fileName: true, sha256: true } });
  if (!attachment) return null;
  const data = await getStorage().get(attachment.storageKey);
  return data ? { ...attachment, data, isPublic } : null;
}
