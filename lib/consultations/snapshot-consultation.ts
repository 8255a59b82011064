import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";

import type { ConsultationSnapshot } from "./diff-consultation";
import { toVnDate } from "./periods";

const vnDate = (d: Date | null) => (d ? toVnDate(d) : null);

/**
 * The consultation as the public sees it, read inside `tx` (after `lockConsultation`, so that it
 * cannot change before the transaction ends). Attachments withdrawn after publication are left out.
 */
export async function snapshotConsultation(tx: Tx, communeId: string, consultationId: string): Promise<ConsultationSnapshot> {
  const c = await tx.consultation.findFirst({
    where: { id: consultationId, communeId },
    select: {
      title: true,
      summary: true,
      matterKind: true,
      legalCategory: true,
      subject: true,
      isCommuneWide: true,
      allowedChannels: true,
      postingStartsAt: true,
      postingEndsAt: true,
      commentStartsAt: true,
      commentEndsAt: true,
      legalBasis: true,
      responsibleOfficer: true,
      geometry: true,
      showResultsLive: true,
      requiresBroadcast: true,
      onlineVoteNoticeAt: true,
    },
  });
  if (!c) throw notFound("consultationNotFound");
  // One query after another: inside a transaction, Prisma would otherwise send the relations'
  // queries at once down the transaction's single connection, which pg only queues (and warns about).
  const sections = await tx.consultationSection.findMany({ where: { consultationId }, select: { id: true, heading: true, body: true }, orderBy: { position: "asc" } });
  const scope = await tx.consultationVillage.findMany({ where: { consultationId }, select: { villageId: true } });
  const villages = scope.length
    ? await tx.village.findMany({ where: { communeId, id: { in: scope.map((v) => v.villageId) } }, select: { id: true, name: true }, orderBy: { name: "asc" } })
    : [];
  const attachments = await tx.attachment.findMany({
    where: { consultationId, removedAt: null },
    select: { id: true, title: true, fileName: true },
    orderBy: { createdAt: "asc" },
  });
  return {
    title: c.title,
    summary: c.summary,
    matterKind: c.matterKind,
    legalCategory: c.legalCategory,
    subject: c.subject,
    isCommuneWide: c.isCommuneWide,
    villages,
    allowedChannels: c.allowedChannels,
    postingStartsAt: vnDate(c.postingStartsAt),
    postingEndsAt: vnDate(c.postingEndsAt),
    commentStartsAt: vnDate(c.commentStartsAt),
    commentEndsAt: vnDate(c.commentEndsAt),
    legalBasis: c.legalBasis,
    responsibleOfficer: c.responsibleOfficer,
    sections,
    geometry: (c.geometry as ConsultationSnapshot["geometry"]) ?? null,
    showResultsLive: c.showResultsLive,
    requiresBroadcast: c.requiresBroadcast,
    onlineVoteNotice: c.onlineVoteNoticeAt !== null,
    attachments: attachments.map((a) => ({ id: a.id, title: a.title ?? a.fileName })),
  };
}

/**
 * Locks the consultation's row until the transaction ends: edits, attachment changes and status
 * changes of one consultation happen one after another, and version numbers never collide.
 */
export async function lockConsultation(tx: Tx, communeId: string, consultationId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Consultation" WHERE id = ${consultationId} AND "communeId" = ${communeId} FOR UPDATE`;
  if (rows.length === 0) throw notFound("consultationNotFound");
  return tx.consultation.findUniqueOrThrow({
    where: { id: consultationId },
    select: { id: true, status: true, version: true, title: true, updatedAt: true, publishAt: true, commentEndsAt: true, onlineVoteNoticeAt: true },
  });
}
