// The minutes of a village meeting (biên bản), as a PDF or a photo, judged by its content. Uploaded
// before the meeting is recorded, so that a form sent back with a mistake keeps the file.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { assertNotFrozen } from "@/lib/reports/freeze";
import { inspectAndCleanUpload } from "@/lib/storage/clean-image";
import { DOCUMENT_OR_IMAGE } from "@/lib/storage/inspect-upload";
import { saveAttachment } from "@/lib/storage/save-attachment";

import { enteringVillageOf } from "./ballot-scope";

export async function uploadMinutes(access: CommuneAccess, input: { consultationId: string; fileName: string; data: Buffer }) {
  enteringVillageOf(access); // staff, or a village head with a village
  const consultation = await db.consultation.findFirst({
    where: { id: input.consultationId, communeId: access.communeId, status: { in: ["PUBLISHED", "CLOSED"] } },
    select: { id: true },
  });
  if (!consultation) throw notFound("consultationNotFound");
  const { data, inspected } = await inspectAndCleanUpload(input.data, DOCUMENT_OR_IMAGE);
  return db.$transaction(async (tx) => {
    await assertNotFrozen(tx, consultation.id);
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "minutes.upload",
      entityType: "Attachment",
      entityId: null,
      after: { sha256: inspected.sha256, sizeBytes: inspected.sizeBytes, mimeType: inspected.mimeType },
      details: { consultationId: consultation.id, sha256: inspected.sha256 },
    });
    // Last: if recording the file fails, saveAttachment removes the stored bytes again.
    return saveAttachment(
      { communeId: access.communeId, consultationId: consultation.id, kind: "MINUTES", fileName: input.fileName, uploadedById: access.userId, data, inspected },
      tx,
    );
  });
}

/** A minutes file for staff, village heads and the Front of the same commune. */
export async function readMinutes(communeId: string, attachmentId: string) {
  const attachment = await db.attachment.findFirst({
    where: { id: attachmentId, communeId, kind: "MINUTES" },
    select: { fileName: true, mimeType: true, storageKey: true },
  });
  if (!attachment) throw notFound();
  return attachment;
}
