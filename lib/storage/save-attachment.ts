import { randomUUID } from "node:crypto";

import { db, type Tx } from "@/lib/db";
import type { AttachmentKind } from "@/lib/generated/prisma/enums";

import { cleanFileName, type InspectedUpload } from "./inspect-upload";
import { getStorage } from "./storage";

export type NewAttachment = {
  communeId: string;
  consultationId?: string | null;
  kind: AttachmentKind;
  fileName: string;
  title?: string | null;
  uploadedById: string;
  data: Buffer;
  inspected: InspectedUpload;
};

/**
 * Stores the bytes, then records the attachment (inside `tx` when given). When the record cannot be
 * written, the stored file is removed again: nothing half-written stays behind.
 */
export async function saveAttachment(input: NewAttachment, tx?: Tx) {
  const storage = getStorage();
  const key = `${input.communeId}/${new Date().getUTCFullYear()}/${randomUUID()}.${input.inspected.extension}`;
  await storage.put(key, input.data, input.inspected.mimeType);
  try {
    return await (tx ?? db).attachment.create({
      data: {
        communeId: input.communeId,
        consultationId: input.consultationId ?? null,
        kind: input.kind,
        fileName: cleanFileName(input.fileName, input.inspected.extension),
        title: input.title ?? null,
        mimeType: input.inspected.mimeType,
        sizeBytes: input.inspected.sizeBytes,
        sha256: input.inspected.sha256,
        storageKey: key,
        uploadedById: input.uploadedById,
      },
      select: { id: true, fileName: true, mimeType: true, sizeBytes: true, kind: true },
    });
  } catch (error) {
    await storage.delete(key).catch(() => {});
    throw error;
  }
}
