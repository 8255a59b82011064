// What the staff form starts with: blank values for a new draft, or everything an existing
// consultation holds, so that an edit changes only what the officer changes.
import type { Prisma } from "@/lib/generated/prisma/client";

import type { PeriodFields } from "./edit-rules";
import { defaultCommentPeriod, toVnDate } from "./periods";
import type { ConsultationUpdateInput } from "./schemas";

export type FormValues = Omit<ConsultationUpdateInput, "consultationId" | "expectedUpdatedAt">;

export function blankFormValues(communeId: string, now = new Date()): FormValues {
  return {
    communeId,
    title: "",
    summary: "",
    matterKind: "CONSULTATION",
    legalCategory: "CONSULTATION_INVESTMENT_PROJECT",
    subject: "PROJECT",
    isCommuneWide: true,
    villageIds: [],
    allowedChannels: ["WEB", "MEETING"],
    postingStartsAt: null,
    postingEndsAt: null,
    ...defaultCommentPeriod(30, now),
    legalBasis: "",
    responsibleOfficer: "",
    sections: [{ heading: "", body: "" }],
    geometry: null,
    showResultsLive: false,
    requiresBroadcast: false,
    onlineVoteNoticeGiven: false,
    changeNote: "",
  };
}

/** The columns the edit form needs. */
export const editSelect = {
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
  legalBasis: true,
  responsibleOfficer: true,
  geometry: true,
  showResultsLive: true,
  requiresBroadcast: true,
  onlineVoteNoticeAt: true,
  version: true,
  updatedAt: true,
  sections: { select: { id: true, heading: true, body: true }, orderBy: { position: "asc" } },
  villages: { select: { villageId: true } },
} satisfies Prisma.ConsultationSelect;

export type EditableConsultation = Prisma.ConsultationGetPayload<{ select: typeof editSelect }>;

const vnDate = (d: Date | null) => (d ? toVnDate(d) : null);

export function toFormValues(c: EditableConsultation): FormValues {
  const period = defaultCommentPeriod();
  return {
    communeId: c.communeId,
    title: c.title,
    summary: c.summary,
    matterKind: c.matterKind,
    legalCategory: c.legalCategory,
    subject: c.subject,
    isCommuneWide: c.isCommuneWide,
    villageIds: c.villages.map((v) => v.villageId),
    allowedChannels: c.allowedChannels,
    postingStartsAt: vnDate(c.postingStartsAt),
    postingEndsAt: vnDate(c.postingEndsAt),
    commentStartsAt: vnDate(c.commentStartsAt) ?? period.commentStartsAt,
    commentEndsAt: vnDate(c.commentEndsAt) ?? period.commentEndsAt,
    legalBasis: c.legalBasis,
    responsibleOfficer: c.responsibleOfficer,
    sections: c.sections.length ? c.sections.map((s) => ({ id: s.id, heading: s.heading, body: s.body })) : [{ heading: "", body: "" }],
    geometry: c.geometry ?? null,
    showResultsLive: c.showResultsLive,
    requiresBroadcast: c.requiresBroadcast,
    onlineVoteNoticeGiven: c.onlineVoteNoticeAt !== null,
    changeNote: "",
  };
}

/** The periods as published, which an edit after publication is judged against; null for a draft. */
export function publishedPeriods(c: EditableConsultation, isPublic: boolean): PeriodFields | null {
  if (!isPublic) return null;
  const values = toFormValues(c);
  return {
    legalCategory: c.legalCategory,
    commentStartsAt: values.commentStartsAt,
    commentEndsAt: values.commentEndsAt,
    postingStartsAt: values.postingStartsAt ?? null,
    postingEndsAt: values.postingEndsAt ?? null,
  };
}
