// Photos of a case (the pothole, then the repaired road), as opinion photos: judged by their content,
// images only, re-encoded without metadata (lib/storage/clean-image.ts: no GPS position, no device),
// stored as Attachments of kind CASE_PHOTO. A resident uploads first (the upload route), then names the
// photo when filing; an intake with the bytes at hand (Open311, the reception desk) passes them to
// fileCase directly.
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { inspectAndCleanUpload } from "@/lib/storage/clean-image";
import type { InspectedUpload } from "@/lib/storage/inspect-upload";
import { IMAGE_TYPES } from "@/lib/storage/inspect-upload";
import { saveAttachment } from "@/lib/storage/save-attachment";

export type NewCasePhoto = { fileName: string; data: Buffer };
export type CleanCasePhoto = { fileName: string; data: Buffer; inspected: InspectedUpload };

/** Judges and re-encodes photos before any transaction starts (decoding is slow). */
export async function cleanCasePhotos(photos: readonly NewCasePhoto[]): Promise<CleanCasePhoto[]> {
  const clean: CleanCasePhoto[] = [];
  for (const photo of photos) clean.push({ fileName: photo.fileName, ...(await inspectAndCleanUpload(photo.data, IMAGE_TYPES)) });
  return clean;
}

/** Stores cleaned photos as CASE_PHOTO attachments inside `tx`; returns their ids. */
export async function storeCasePhotos(tx: Tx, communeId: string, uploadedById: string, photos: readonly CleanCasePhoto[]): Promise<string[]> {
  const ids: string[] = [];
  for (const photo of photos) {
    const saved = await saveAttachment({ communeId, kind: "CASE_PHOTO", fileName: photo.fileName, uploadedById, data: photo.data, inspected: photo.inspected }, tx);
    ids.push(saved.id);
  }
  return ids;
}

/** One photo uploaded ahead of filing or of an update (the upload route); audited. */
export async function uploadCasePhoto(input: { communeId: string; userId: string; actorRole: string; photo: NewCasePhoto }) {
  const [clean] = await cleanCasePhotos([input.photo]);
  return db.$transaction(async (tx) => {
    const [id] = await storeCasePhotos(tx, input.communeId, input.userId, [clean!]);
    await appendAudit(tx, {
      communeId: input.communeId,
      actorId: input.userId,
      actorRole: input.actorRole,
      action: "case.photo",
      entityType: "Attachment",
      entityId: id!,
      after: { sha256: clean!.inspected.sha256, sizeBytes: clean!.inspected.sizeBytes },
    });
    return { id: id!, fileName: clean!.fileName, sizeBytes: clean!.inspected.sizeBytes };
  });
}

/** Photos named by id must be this person's own CASE_PHOTO uploads, in this commune, not used yet. */
export async function checkOwnUnusedPhotos(tx: Tx | typeof db, communeId: string, userId: string | null, photoIds: readonly string[]) {
  if (photoIds.length === 0) return;
  if (!userId) throw invalid("unknownPhoto", {}, { photoIds: "unknownPhoto" });
  const found = await tx.attachment.findMany({
    where: { id: { in: [...photoIds] }, communeId, kind: "CASE_PHOTO", uploadedById: userId, removedAt: null },
    select: { id: true },
  });
  const used = await tx.casePhoto.count({ where: { attachmentId: { in: [...photoIds] } } });
  if (found.length !== new Set(photoIds).size || used > 0) throw invalid("unknownPhoto", {}, { photoIds: "unknownPhoto" });
}
