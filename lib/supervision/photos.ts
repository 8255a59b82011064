// Site-visit photos: judged by their content (images only) and re-encoded without metadata (no GPS
// position, no device: lib/storage/clean-image.ts, as case photos), stored under the commune, then
// named by the visit that uses them. Seen by the board's members, the Front and staff only.
import { randomUUID } from "node:crypto";

import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { appendAudit } from "@/lib/oversight/audit";
import { inspectAndCleanUpload } from "@/lib/storage/clean-image";
import { cleanFileName, IMAGE_TYPES } from "@/lib/storage/inspect-upload";
import { getStorage } from "@/lib/storage/storage";
import { requireActiveMember } from "./board-access";
import { OVERSEE_ROLES } from "./roles";

export async function uploadSupervisionPhoto(access: CommuneAccess, boardId: string, photo: { fileName: string; data: Buffer }) {
  const board = await requireActiveMember(db, access, boardId);
  const clean = await inspectAndCleanUpload(photo.data, IMAGE_TYPES);
  const key = `${access.communeId}/${new Date().getUTCFullYear()}/${randomUUID()}.${clean.inspected.extension}`;
  const storage = getStorage();
  await storage.put(key, clean.data, clean.inspected.mimeType);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.supervisionPhoto.create({
        data: {
          communeId: access.communeId,
          boardId: board.id,
          storageKey: key,
          fileName: cleanFileName(photo.fileName, clean.inspected.extension),
          mimeType: clean.inspected.mimeType,
          sizeBytes: clean.inspected.sizeBytes,
          sha256: clean.inspected.sha256,
          uploadedById: access.userId,
        },
        select: { id: true, fileName: true, sizeBytes: true },
      });
      await appendAudit(tx, {
        communeId: access.communeId,
        actorId: access.userId,
        actorRole: access.actingRole,
        action: "supervision.photo",
        entityType: "SupervisionPhoto",
        entityId: row.id,
        after: { boardId: board.id, sha256: clean.inspected.sha256, sizeBytes: clean.inspected.sizeBytes },
      });
      return row;
    });
  } catch (error) {
    await storage.delete(key).catch(() => {});
    throw error;
  }
}

/** A photo for a viewer: a member of its board, the Front or staff of its commune; null otherwise. */
export async function loadSupervisionPhoto(communeSlug: string, photoId: string, viewerId: string | null) {
  if (!viewerId) return null;
  const commune = await db.commune.findUnique({ where: { slug: communeSlug }, select: { id: true } });
  if (!commune) return null;
  const photo = await db.supervisionPhoto.findFirst({
    where: { id: photoId, communeId: commune.id },
    select: { boardId: true, communeId: true, storageKey: true, mimeType: true, fileName: true, sha256: true },
  });
  if (!photo) return null;
  const member = await db.supervisionMember.count({ where: { boardId: photo.boardId, userId: viewerId } });
  const overseer = await db.membership.count({ where: { userId: viewerId, communeId: photo.communeId, status: "VERIFIED", role: { in: OVERSEE_ROLES } } });
  if (!member && !overseer) return null;
  const data = await getStorage().get(photo.storageKey);
  return data ? { data, mimeType: photo.mimeType, fileName: photo.fileName, sha256: photo.sha256 } : null;
}
