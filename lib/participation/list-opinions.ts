import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { OFFICIAL_ROLES } from "@/lib/people/display-name";

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
  authorId: true,
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
  const badges = await officialBadges(consultationId, items.flatMap((o) => [o.authorId, ...o.replies.map((r) => r.authorId)]));
  // The author's id is only looked up here, never handed to the page.
  const withBadge = <T extends { authorId: string | null }>({ authorId, ...rest }: T) => ({ ...rest, officialRole: (authorId && badges.get(authorId)) || null });
  return {
    items: items.map((o) => ({ ...withBadge(o), replies: o.replies.map(withBadge) })),
    total,
    hidden,
    page,
    pageCount: Math.max(1, Math.ceil(total / OPINIONS_PAGE_SIZE)),
  };
}

const SENIORITY: Role[] = ["LEADER", "ADMIN", "STAFF", "FRONT_REVIEWER", "VILLAGE_HEAD"];

/**
 * The office each author holds today, verified, in the consultation's commune: shown as a badge next
 * to their opinions, so that an office is known by the account, never by a name anyone can type
 * (lib/people/display-name.ts).
 */
async function officialBadges(consultationId: string, authorIds: (string | null)[]): Promise<Map<string, Role>> {
  const ids = [...new Set(authorIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db.membership.findMany({
    where: { userId: { in: ids }, status: "VERIFIED", role: { in: OFFICIAL_ROLES }, commune: { consultations: { some: { id: consultationId } } } },
    select: { userId: true, role: true },
  });
  const badges = new Map<string, Role>();
  for (const row of rows) {
    const held = badges.get(row.userId);
    if (!held || SENIORITY.indexOf(row.role) < SENIORITY.indexOf(held)) badges.set(row.userId, row.role);
  }
  return badges;
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
