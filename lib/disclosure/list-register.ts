import "server-only";

import { cache } from "react";

import { PUBLIC_STATUSES } from "@/lib/consultations/get-consultation";
import { endOfDayVn, startOfDayVn } from "@/lib/consultations/periods";
import { db } from "@/lib/db";
import { readSettings } from "@/lib/settings";

import { type RegisterEntry, consultationEntry, noticeEntry, postingRowSelect } from "./register-entry";

const consultationSelect = {
  id: true,
  title: true,
  matterKind: true,
  legalCategory: true,
  status: true,
  requiresBroadcast: true,
  publishedAt: true,
  postingStartsAt: true,
  postingEndsAt: true,
  commentEndsAt: true,
  postings: { select: postingRowSelect },
} as const;

const noticeSelect = {
  id: true,
  title: true,
  publishedAt: true,
  consultation: { select: { id: true, matterKind: true, legalCategory: true, status: true, requiresBroadcast: true } },
  postings: { select: postingRowSelect },
} as const;

export const consultationPath = (slug: string, id: string) => `/${slug}/consultations/${id}`;
export const registerEntryPath = (slug: string, id: string) => `/${slug}/disclosure/${id}`;

type Commune = { id: string; slug: string; settings: unknown };

/** The years (Vietnam calendar) in which the commune published something, newest first. */
export const listRegisterYears = cache(async (communeId: string): Promise<number[]> => {
  const rows = await db.$queryRaw<{ year: number }[]>`
    SELECT DISTINCT year::int AS year FROM (
      SELECT extract(year FROM ("publishedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Ho_Chi_Minh') AS year
        FROM "Consultation" WHERE "communeId" = ${communeId} AND "publishedAt" IS NOT NULL
          AND status::text = ANY(${PUBLIC_STATUSES as string[]})
      UNION
      SELECT extract(year FROM ("publishedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Ho_Chi_Minh')
        FROM "OutcomeNotice" WHERE "communeId" = ${communeId} AND status = 'PUBLISHED' AND "publishedAt" IS NOT NULL
    ) y ORDER BY year DESC`;
  return rows.map((r) => Number(r.year));
});

/** Every publication of the commune published in the given year, newest first. */
export async function listRegister(commune: Commune, year: number, now = new Date()): Promise<RegisterEntry[]> {
  const publishedAt = { gte: startOfDayVn(`${year}-01-01`), lte: endOfDayVn(`${year}-12-31`) };
  const [consultations, notices] = await Promise.all([
    db.consultation.findMany({
      where: { communeId: commune.id, status: { in: PUBLIC_STATUSES }, publishedAt },
      select: consultationSelect,
    }),
    db.outcomeNotice.findMany({ where: { communeId: commune.id, status: "PUBLISHED", publishedAt }, select: noticeSelect }),
  ]);
  const settings = readSettings(commune.settings);
  const entries = [
    ...consultations.map((c) => consultationEntry(c, consultationPath(commune.slug, c.id), settings, now)),
    ...notices.map((n) => noticeEntry(n, registerEntryPath(commune.slug, n.id), settings, now)),
  ].filter((e): e is RegisterEntry => e !== null);
  return entries.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.id.localeCompare(b.id));
}

/** One published entry, by the consultation's or the notice's id; null when there is none to show. */
export async function getRegisterEntry(commune: Commune, id: string, now = new Date()): Promise<RegisterEntry | null> {
  const settings = readSettings(commune.settings);
  const consultation = await db.consultation.findFirst({
    where: { id, communeId: commune.id, status: { in: PUBLIC_STATUSES } },
    select: consultationSelect,
  });
  if (consultation) return consultationEntry(consultation, consultationPath(commune.slug, id), settings, now);
  const notice = await db.outcomeNotice.findFirst({ where: { id, communeId: commune.id, status: "PUBLISHED" }, select: noticeSelect });
  return notice ? noticeEntry(notice, registerEntryPath(commune.slug, id), settings, now) : null;
}

/** For the staff page: the entry of any consultation of the commune (null for a draft). */
export async function getStaffPostingsEntry(commune: Commune, consultationId: string, now = new Date()) {
  const consultation = await db.consultation.findFirst({ where: { id: consultationId, communeId: commune.id }, select: consultationSelect });
  if (!consultation) return { consultation: null, entry: null };
  const entry = consultationEntry(consultation, consultationPath(commune.slug, consultationId), readSettings(commune.settings), now);
  return { consultation, entry };
}

/** The text of a published outcome notice and the loudspeaker text the reports work wrote for it. */
export const getNoticeTexts = (communeId: string, noticeId: string) =>
  db.outcomeNotice.findFirst({ where: { id: noticeId, communeId, status: "PUBLISHED" }, select: { body: true, loudspeakerText: true } });
