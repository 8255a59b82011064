import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { conflict, invalid } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { inspectAndCleanUpload } from "@/lib/storage/clean-image";
import { DOCUMENT_OR_IMAGE } from "@/lib/storage/inspect-upload";
import { saveAttachment } from "@/lib/storage/save-attachment";
import { getStorage } from "@/lib/storage/storage";

import { recordVersion } from "../record-version";
import { lockConsultation, snapshotConsultation } from "../snapshot-consultation";
import { EDITABLE_STATUSES } from "../update-consultation";

export const MAX_ATTACHMENTS = 30;

/** The title shown for a file when staff give none: its name without the extension. */
export const defaultTitle = (fileName: string) => fileName.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, "").trim().slice(0, 200) || "Tài liệu";

/**
 * Attaches a PDF or an image to a consultation. The content is judged before anything is stored; the
 * file and its row are written together or not at all. After publication the addition is a public
 * version.
 */
export async function addConsultationAttachment(
  access: CommuneAccess,
  consultationId: string,
  file: { data: Buffer; fileName: string; title?: string | null },
) {
  const { data, inspected } = await inspectAndCleanUpload(file.data, DOCUMENT_OR_IMAGE);
  const title = file.title?.trim().slice(0, 200) || defaultTitle(file.fileName);
  let storedKey: string | null = null;
  try {
    return await db.$transaction(async (tx) => {
      const c = await lockConsultation(tx, access.communeId, consultationId);
      if (!EDITABLE_STATUSES.includes(c.status)) throw conflict("notEditable", { status: c.status });
      const count = await tx.attachment.count({ where: { consultationId, removedAt: null } });
      if (count >= MAX_ATTACHMENTS) throw invalid("tooManyAttachments", { max: MAX_ATTACHMENTS }, { file: "tooManyAttachments" });

      const before = await snapshotConsultation(tx, access.communeId, consultationId);
      const saved = await saveAttachment(
        {
          communeId: access.communeId,
          consultationId,
          kind: inspected.mimeType === "application/pdf" ? "DOCUMENT" : "IMAGE",
          fileName: file.fileName,
          title,
          uploadedById: access.userId,
          data,
          inspected,
        },
        tx,
      );
      storedKey = saved.storageKey;
      const after = await snapshotConsultation(tx, access.communeId, consultationId);
      const { version } = await recordVersion(tx, { communeId: access.communeId, consultation: c, before, after, actorId: access.userId });
      await appendAudit(tx, {
        communeId: access.communeId,
        actorId: access.userId,
        actorRole: access.actingRole,
        action: "attachment.add",
        entityType: "Attachment",
        entityId: saved.id,
        after: { consultationId, fileName: saved.fileName, title, mimeType: saved.mimeType, sizeBytes: saved.sizeBytes, sha256: inspected.sha256 },
        details: { consultationId, title, mimeType: saved.mimeType, sizeBytes: saved.sizeBytes, ...(version ? { version } : {}) },
      });
      return { id: saved.id, title, fileName: saved.fileName, mimeType: saved.mimeType, sizeBytes: saved.sizeBytes };
    });
  } catch (error) {
    // The row was rolled back with the transaction; the file must not outlive it.
    if (storedKey) await getStorage().delete(storedKey).catch(() => {});
    throw error;
  }
}
