import { db } from "@/lib/db";

const attachmentSelect = { id: true, title: true, fileName: true, mimeType: true, sizeBytes: true, createdAt: true } as const;

/** What the consultation page lists: the documents and images offered now, oldest first. */
export const listConsultationAttachments = (consultationId: string) =>
  db.attachment.findMany({
    where: { consultationId, removedAt: null, kind: { in: ["DOCUMENT", "IMAGE"] } },
    select: attachmentSelect,
    orderBy: { createdAt: "asc" },
  });

export type ConsultationAttachment = Awaited<ReturnType<typeof listConsultationAttachments>>[number];
