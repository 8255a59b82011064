import { db } from "@/lib/db";

export const OPINIONS_PAGE_SIZE = 20;

const publicOpinionSelect = {
  id: true,
  number: true,
  displayName: true,
  body: true,
  stance: true,
  lat: true,
  lng: true,
  channel: true,
  agreeCount: true,
  disagreeCount: true,
  createdAt: true,
  editedAt: true,
  photoId: true,
  section: { select: { anchor: true, heading: true } },
  answer: { select: { kind: true, body: true, answeredAt: true } },
} as const;

/**
 * The visible opinions of a consultation, newest first, with their visible replies. Hidden opinions
 * are counted (the public sees how many and why), never shown.
 */
export async function listPublicOpinions(consultationId: string, page = 1) {
  const where = { consultationId, parentId: null, moderationState: "VISIBLE" as const };
  const [items, total, hidden] = await Promise.all([
    db.opinion.findMany({
      where,
      select: {
        ...publicOpinionSelect,
        replies: {
          where: { moderationState: "VISIBLE" },
          select: publicOpinionSelect,
          orderBy: { createdAt: "asc" },
          take: 50,
        },
      },
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * OPINIONS_PAGE_SIZE,
      take: OPINIONS_PAGE_SIZE,
    }),
    db.opinion.count({ where }),
    db.opinion.count({ where: { consultationId, moderationState: { not: "VISIBLE" } } }),
  ]);
  return { items, total, hidden, page, pageCount: Math.max(1, Math.ceil(total / OPINIONS_PAGE_SIZE)) };
}

export type PublicOpinion = Awaited<ReturnType<typeof listPublicOpinions>>["items"][number];

/** Pinned, visible opinions for the consultation map. */
export const listPinnedOpinions = (consultationId: string) =>
  db.opinion.findMany({
    where: { consultationId, moderationState: "VISIBLE", lat: { not: null }, lng: { not: null } },
    select: { id: true, number: true, lat: true, lng: true, stance: true, body: true },
    orderBy: { createdAt: "desc" },
    take: 1000,
  });
