// One line of the disclosure register (sổ công khai): a publication — a consultation or, once the
// reports work publishes them, an outcome notice — with every channel it went out on and the check
// against the law's minimums. Built from rows the queries load; no database access here.
import type { LegalCategory, MatterKind, PostingChannel } from "@/lib/generated/prisma/enums";
import type { ConsultationStatus } from "@/lib/generated/prisma/enums";
import type { CommuneSettings } from "@/lib/settings";

import { dateColumnToIso } from "./broadcast-days";
import { type PostingRecord, type PublicationCompliance, evaluatePublication, requirementFor } from "./compliance";
import { webPortalPosting, webPostingId } from "./web-posting";

export type RegisterPosting = PostingRecord & {
  location: string;
  note: string | null;
  hasPhoto: boolean;
  /** Changes when the photo does: part of the photo's address, so caches never show an old one. */
  photoVersion: string | null;
  /** The web portal posting is derived from the publication, not recorded. */
  isDerived: boolean;
};

export type RegisterEntry = {
  kind: "consultation" | "notice";
  /** The consultation's id, or the notice's. */
  id: string;
  consultationId: string;
  title: string;
  matterKind: MatterKind;
  legalCategory: LegalCategory;
  status: ConsultationStatus;
  publishedAt: Date;
  postings: RegisterPosting[];
  compliance: PublicationCompliance;
};

export type PostingRow = {
  id: string;
  channel: PostingChannel;
  location: string;
  startsAt: Date;
  endsAt: Date | null;
  broadcastDates: Date[];
  photoId: string | null;
  note: string | null;
};

export const postingRowSelect = {
  id: true,
  channel: true,
  location: true,
  startsAt: true,
  endsAt: true,
  broadcastDates: true,
  photoId: true,
  note: true,
} as const;

function recorded(rows: PostingRow[]): RegisterPosting[] {
  return [...rows]
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id))
    .map((p) => ({
      id: p.id,
      channel: p.channel,
      startsAt: p.startsAt,
      endsAt: p.endsAt,
      broadcastDates: p.broadcastDates.map(dateColumnToIso),
      location: p.location,
      note: p.note,
      hasPhoto: p.photoId !== null,
      photoVersion: p.photoId,
      isDerived: false,
    }));
}

export type ConsultationRow = {
  id: string;
  title: string;
  matterKind: MatterKind;
  legalCategory: LegalCategory;
  status: ConsultationStatus;
  requiresBroadcast: boolean;
  publishedAt: Date | null;
  postingStartsAt: Date | null;
  postingEndsAt: Date | null;
  commentEndsAt: Date | null;
  postings: PostingRow[];
};

/** A consultation's entry; null while it is unpublished (a draft is in no register). */
export function consultationEntry(c: ConsultationRow, webPath: string, settings: CommuneSettings, now: Date): RegisterEntry | null {
  const web = webPortalPosting(c);
  if (!web || !c.publishedAt) return null;
  const postings: RegisterPosting[] = [{ ...web, location: webPath, note: null, hasPhoto: false, photoVersion: null, isDerived: true }, ...recorded(c.postings)];
  const requirement = requirementFor(c.legalCategory, c.requiresBroadcast, settings);
  return {
    kind: "consultation",
    id: c.id,
    consultationId: c.id,
    title: c.title,
    matterKind: c.matterKind,
    legalCategory: c.legalCategory,
    status: c.status,
    publishedAt: c.publishedAt,
    postings,
    compliance: evaluatePublication(postings, requirement, web.endsAt, now),
  };
}

export type NoticeRow = {
  id: string;
  title: string;
  publishedAt: Date | null;
  consultation: { id: string; matterKind: MatterKind; legalCategory: LegalCategory; status: ConsultationStatus; requiresBroadcast: boolean };
  postings: PostingRow[];
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An outcome notice's entry: on the web portal from its publication, with no planned end; its window
 * for broadcasts is the minimum posting period from publication.
 */
export function noticeEntry(n: NoticeRow, webPath: string, settings: CommuneSettings, now: Date): RegisterEntry | null {
  if (!n.publishedAt) return null;
  const requirement = requirementFor(n.consultation.legalCategory, n.consultation.requiresBroadcast, settings);
  const web: RegisterPosting = {
    id: webPostingId(n.id),
    channel: "WEB_PORTAL",
    startsAt: n.publishedAt,
    endsAt: null,
    broadcastDates: [],
    location: webPath,
    note: null,
    hasPhoto: false,
    photoVersion: null,
    isDerived: true,
  };
  // Publishing a notice records its web posting (lib/notices); older notices without one get it derived.
  const own = recorded(n.postings);
  const postings = own.some((p) => p.channel === "WEB_PORTAL") ? own : [web, ...own];
  const windowEnd = new Date(n.publishedAt.getTime() + requirement.minPostingDays * DAY_MS);
  return {
    kind: "notice",
    id: n.id,
    consultationId: n.consultation.id,
    title: n.title,
    matterKind: n.consultation.matterKind,
    legalCategory: n.consultation.legalCategory,
    status: n.consultation.status,
    publishedAt: n.publishedAt,
    postings,
    compliance: evaluatePublication(postings, requirement, windowEnd, now),
  };
}
