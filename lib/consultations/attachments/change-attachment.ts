import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { getStorage } from "@/lib/storage/storage";

import { PUBLIC_STATUSES } from "../get-consultation";
import { recordVersion } from "../record-version";
import { lockConsultation, snapshotConsultation } from "../snapshot-consultation";
import { EDITABLE_STATUSES } from "../update-consultation";

async function findActiveAttachment(communeId: string, attachmentId: string) {
  const a = await db.attachment.findFirst({
    where: { id: attachmentId, communeId, consultationId: { not: null }, removedAt: null, kind: { in: ["DOCUMENT", "IMAGE"] } },
    select: { id: true, consultationId: true, title: true, fileName: true, storageKey: true },
  });
  if (!a) throw notFound("attachmentNotFound");
  return { ...a, consultationId: a.consultationId! };
}

/**
 * Removes an attachment. From a draft it is deleted, file and all. From a published consultation it
 * is withdrawn: no longer offered, but the row and the file are kept and the removal is a public
 * version.
 */
export async function removeConsultationAttachment(access: CommuneAccess, attachmentId: string, now = new Date()) {
  const a = await findActiveAttachment(access.communeId, attachmentId);
  const result = await db.$transaction(async (tx) => {
    const c = await lockConsultation(tx, access.communeId, a.consultationId);
    if (!EDITABLE_STATUSES.includes(c.status)) throw conflict("notEditable", { status: c.status });
    const isPublic = PUBLIC_STATUSES.includes(c.status);
    const before = await snapshotConsultation(tx, access.communeId, a.consultationId);
    // Guarded by removedAt: two clicks remove it once.
    const { count } = isPublic
      ? await tx.attachment.updateMany({ where: { id: a.id, removedAt: null }, data: { removedAt: now, removedById: access.userId } })
      : await tx.attachment.deleteMany({ where: { id: a.id, removedAt: null } });
    if (count !== 1) throw notFound("attachmentNotFound");
    const after = await snapshotConsultation(tx, access.communeId, a.consultationId);
    const { version } = await recordVersion(tx, { communeId: access.communeId, consultation: c, before, after, actorId: access.userId });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "attachment.remove",
      entityType: "Attachment",
      entityId: a.id,
      before: { consultationId: a.consultationId, title: a.title, fileName: a.fileName, storageKey: a.storageKey },
      after: isPublic ? { removedAt: now, fileKept: true } : null,
      details: { consultationId: a.consultationId, title: a.title ?? a.fileName, fileKept: isPublic, ...(version ? { version } : {}) },
    });
    return { id: a.id, consultationId: a.consultationId, fileKept: isPublic };
  });
  // A draft's file goes only once its row is gone; failing to delete it leaves an orphan, never a
  // row without its file.
  if (!result.fileKept) {
    await getStorage()
      .delete(a.storageKey)
      .catch((error) => console.error(`[attachments] could not delete ${a.storageKey}:`, error));
  }
  return result;
}

/** Gives an attachment a new title; after publication the change is a public version. */
export async function renameConsultationAttachment(access: CommuneAccess, attachmentId: string, title: string) {
  const a = await findActiveAttachment(access.communeId, attachmentId);
  return db.$transaction(async (tx) => {
    const c = await lockConsultation(tx, access.communeId, a.consultationId);
    if (!EDITABLE_STATUSES.includes(c.status)) throw conflict("notEditable", { status: c.status });
    const before = await snapshotConsultation(tx, access.communeId, a.consultationId);
    const { count } = await tx.attachment.updateMany({ where: { id: a.id, removedAt: null }, data: { title } });
    if (count !== 1) throw notFound("attachmentNotFound");
    const after = await snapshotConsultation(tx, access.communeId, a.consultationId);
    const { changes, version } = await recordVersion(tx, { communeId: access.communeId, consultation: c, before, after, actorId: access.userId });
    if (changes.length > 0) {
      await appendAudit(tx, {
        communeId: access.communeId,
        actorId: access.userId,
        actorRole: access.actingRole,
        action: "attachment.rename",
        entityType: "Attachment",
        entityId: a.id,
        before: { title: a.title },
        after: { title },
        details: { consultationId: a.consultationId, title, ...(version ? { version } : {}) },
      });
    }
    return { id: a.id, consultationId: a.consultationId, title };
  });
}
