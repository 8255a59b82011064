import { cache } from "react";

import { db } from "@/lib/db";
import type { ConsultationStatus } from "@/lib/generated/prisma/enums";

/** What visitors may see: everything but drafts and scheduled drafts. */
export const PUBLIC_STATUSES: ConsultationStatus[] = ["PUBLISHED", "CLOSED", "SUMMARISED", "OUTCOME_PUBLISHED"];

const consultationSelect = {
  id: true,
  communeId: true,
  title: true,
  summary: true,
  matterKind: true,
  legalCategory: true,
  subject: true,
  status: true,
  isCommuneWide: true,
  allowedChannels: true,
  postingStartsAt: true,
  postingEndsAt: true,
  commentStartsAt: true,
  commentEndsAt: true,
  publishAt: true,
  publishedAt: true,
  closedAt: true,
  legalBasis: true,
  responsibleOfficer: true,
  geometry: true,
  centerLat: true,
  centerLng: true,
  showResultsLive: true,
  requiresBroadcast: true,
  version: true,
  updatedAt: true,
  sections: { select: { id: true, anchor: true, heading: true, body: true }, orderBy: { position: "asc" } },
  villages: { select: { villageId: true } },
} as const;

/** A published (or later) consultation of this commune, or null. */
export const getPublicConsultation = cache(async (communeId: string, id: string) =>
  db.consultation.findFirst({
    where: { id, communeId, status: { in: PUBLIC_STATUSES } },
    select: consultationSelect,
  }),
);

/** Any consultation of this commune, drafts included: for staff screens. */
export const getConsultationForStaff = (communeId: string, id: string) =>
  db.consultation.findFirst({ where: { id, communeId }, select: consultationSelect });

export type ConsultationDetail = NonNullable<Awaited<ReturnType<typeof getConsultationForStaff>>>;

/** Whether residents may comment right now. */
export function isOpenForComment(
  c: Pick<ConsultationDetail, "status" | "commentStartsAt" | "commentEndsAt">,
  now = new Date(),
): boolean {
  return (
    c.status === "PUBLISHED" &&
    (!c.commentStartsAt || c.commentStartsAt <= now) &&
    (!c.commentEndsAt || c.commentEndsAt >= now)
  );
}
