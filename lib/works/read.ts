// Reading works: the public map and list (published works only, filtered by village, status and year,
// bounded), one work's public page, and the staff list (drafts included).
import { PUBLIC_STATUSES } from "@/lib/consultations/get-consultation";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WorkFundSource, WorkStatus } from "@/lib/generated/prisma/enums";

import { pinOf } from "./geometry";
import { WORK_STATUSES } from "./schemas";

/** At most this many works on one page of the list and the map: never an unbounded list of pins. */
export const WORKS_PAGE_SIZE = 50;

export type WorkFilters = { village: string | null; status: WorkStatus | null; year: number | null; page: number };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export function readWorkFilters(params: Record<string, string | string[] | undefined>): WorkFilters {
  const status = one(params.status);
  const year = Number(one(params.year));
  const page = Number(one(params.page));
  const village = one(params.village);
  return {
    village: village && village.length <= 40 ? village : null,
    status: (WORK_STATUSES as readonly string[]).includes(status) ? (status as WorkStatus) : null,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null,
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
  };
}

/** A work is "of a year" when it ran during it: started by its end, and not ended before its start. */
function yearWhere(year: number): Prisma.WorkWhereInput {
  const from = new Date(Date.UTC(year, 0, 1));
  const to = new Date(Date.UTC(year, 11, 31));
  return {
    OR: [
      { startOn: { lte: to }, OR: [{ endOn: null }, { endOn: { gte: from } }] },
      { startOn: null, publishedAt: { gte: from, lt: new Date(Date.UTC(year + 1, 0, 1)) } },
    ],
  };
}

export async function listPublicWorks(communeId: string, filters: WorkFilters) {
  const where: Prisma.WorkWhereInput = {
    communeId,
    publishedAt: { not: null },
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.village ? { villages: { some: { villageId: filters.village } } } : {}),
    ...(filters.year ? yearWhere(filters.year) : {}),
  };
  const [total, works] = await Promise.all([
    db.work.count({ where }),
    db.work.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      skip: (filters.page - 1) * WORKS_PAGE_SIZE,
      take: WORKS_PAGE_SIZE,
      select: { id: true, title: true, status: true, progress: true, startOn: true, endOn: true, geometry: true, villages: { select: { villageId: true } } },
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / WORKS_PAGE_SIZE)),
    works: works.map(({ geometry, villages, ...w }) => ({ ...w, villageIds: villages.map((v) => v.villageId), pin: pinOf(geometry) })),
  };
}

/** The years the filter offers: those of the commune's published works. */
export async function workYears(communeId: string) {
  const rows = await db.work.findMany({ where: { communeId, publishedAt: { not: null } }, select: { startOn: true, endOn: true, publishedAt: true } });
  const years = new Set<number>();
  for (const r of rows) {
    const from = (r.startOn ?? r.publishedAt!).getUTCFullYear();
    const to = (r.endOn ?? r.startOn ?? r.publishedAt!).getUTCFullYear();
    for (let y = from; y <= Math.min(to, from + 20); y += 1) years.add(y);
  }
  return [...years].sort((a, b) => b - a);
}

export type MoneyLine = { source: WorkFundSource; amountVnd: bigint | null; labourDays: number | null; spentVnd: bigint | null; spentDays: number | null; note: string | null };

/** The money of a work: the total planned in VND and spent (where recorded), labour days apart. */
export function moneyTotals(lines: readonly MoneyLine[]) {
  let plannedVnd = 0n;
  let spentVnd = 0n;
  let spentRecorded = false;
  let labourDays = 0;
  let labourDone = 0;
  for (const l of lines) {
    if (l.source === "LABOUR_DAYS") {
      labourDays += l.labourDays ?? 0;
      labourDone += l.spentDays ?? 0;
    } else {
      plannedVnd += l.amountVnd ?? 0n;
      if (l.spentVnd !== null) {
        spentVnd += l.spentVnd;
        spentRecorded = true;
      }
    }
  }
  return { plannedVnd, spentVnd: spentRecorded ? spentVnd : null, labourDays, labourDone };
}

/**
 * One work with everything its page shows. `includeDrafts` for staff (an unpublished work, hidden
 * comments); the public sees a published work and visible comments only.
 */
export async function getWork(communeId: string, workId: string, options: { viewerId?: string | null; includeDrafts?: boolean } = {}) {
  if (workId.length > 40) return null;
  const work = await db.work.findFirst({
    where: { id: workId, communeId, ...(options.includeDrafts ? {} : { publishedAt: { not: null } }) },
    include: {
      villages: { select: { villageId: true } },
      budgetLines: { orderBy: { sortOrder: "asc" } },
      opinions: { select: { opinionId: true } },
      milestones: {
        orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
        include: {
          photos: { orderBy: { sortOrder: "asc" }, select: { attachmentId: true } },
          comments: {
            where: options.includeDrafts ? {} : { moderationState: "VISIBLE" },
            orderBy: { createdAt: "asc" },
            select: { id: true, authorId: true, body: true, moderationState: true, createdAt: true },
          },
        },
      },
      _count: { select: { follows: true } },
    },
  });
  if (!work) return null;
  const authorIds = [...new Set(work.milestones.flatMap((m) => m.comments.map((c) => c.authorId)))];
  const [villages, authors, consultation, notice, opinions, following] = await Promise.all([
    db.village.findMany({ where: { id: { in: work.villages.map((v) => v.villageId) }, communeId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, displayName: true } }),
    work.consultationId ? db.consultation.findFirst({ where: { id: work.consultationId, communeId, ...(options.includeDrafts ? {} : { status: { in: PUBLIC_STATUSES } }) }, select: { id: true, title: true } }) : null,
    work.outcomeNoticeId ? db.outcomeNotice.findFirst({ where: { id: work.outcomeNoticeId, communeId, ...(options.includeDrafts ? {} : { status: "PUBLISHED" }) }, select: { id: true, title: true, consultationId: true } }) : null,
    db.opinion.findMany({ where: { id: { in: work.opinions.map((o) => o.opinionId) }, communeId, moderationState: "VISIBLE" }, select: { id: true, number: true, body: true, consultationId: true }, orderBy: { number: "asc" } }),
    options.viewerId ? db.workFollow.count({ where: { workId: work.id, userId: options.viewerId } }) : 0,
  ]);
  const names = new Map(authors.map((a) => [a.id, a.displayName]));
  return {
    ...work,
    villageList: villages,
    consultation,
    notice,
    linkedOpinions: opinions,
    followers: work._count.follows,
    following: following > 0,
    money: moneyTotals(work.budgetLines),
    milestones: work.milestones.map((m) => ({ ...m, comments: m.comments.map((c) => ({ ...c, author: names.get(c.authorId) ?? "" })) })),
  };
}
export type WorkPage = NonNullable<Awaited<ReturnType<typeof getWork>>>;

/** The staff list: every work of the commune, drafts first, newest first (bounded). */
export function listStaffWorks(communeId: string) {
  return db.work.findMany({
    where: { communeId },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 200,
    select: { id: true, title: true, status: true, progress: true, publishedAt: true, _count: { select: { milestones: true, follows: true } } },
  });
}

/** The published works of a consultation (for its page and its outcome notice). */
export function worksOfConsultation(communeId: string, consultationId: string) {
  return db.work.findMany({ where: { communeId, consultationId, publishedAt: { not: null } }, select: { id: true, title: true }, orderBy: { createdAt: "asc" }, take: 20 });
}

/** What a new work from an outcome notice (or a consultation) starts with: its title, villages and link. */
export async function prefillFrom(communeId: string, source: { noticeId?: string | null; consultationId?: string | null }) {
  let consultationId = source.consultationId ?? null;
  let noticeId: string | null = null;
  let title = "";
  if (source.noticeId) {
    const notice = await db.outcomeNotice.findFirst({ where: { id: source.noticeId, communeId }, select: { id: true, consultationId: true, title: true } });
    if (notice) {
      noticeId = notice.id;
      consultationId = notice.consultationId;
    }
  }
  if (!consultationId) return null;
  const consultation = await db.consultation.findFirst({
    where: { id: consultationId, communeId },
    select: { id: true, title: true, summary: true, geometry: true, villages: { select: { villageId: true } } },
  });
  if (!consultation) return null;
  title = consultation.title;
  return { outcomeNoticeId: noticeId, consultationId: consultation.id, title, description: consultation.summary, villageIds: consultation.villages.map((v) => v.villageId), geometry: consultation.geometry };
}
