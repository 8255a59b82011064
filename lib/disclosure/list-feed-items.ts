import "server-only";

import { PUBLIC_STATUSES } from "@/lib/consultations/get-consultation";
import { db } from "@/lib/db";

import type { FeedItem } from "./feed";

export const FEED_SIZE = 50;

/** The newest publications for the feed: consultations as they are published, outcome notices likewise. */
export async function listFeedItems(communeId?: string): Promise<FeedItem[]> {
  const commune = { select: { slug: true, name: true } };
  const [consultations, notices] = await Promise.all([
    db.consultation.findMany({
      where: { status: { in: PUBLIC_STATUSES }, publishedAt: { not: null }, ...(communeId ? { communeId } : {}) },
      select: {
        id: true,
        title: true,
        summary: true,
        status: true,
        matterKind: true,
        legalCategory: true,
        commentStartsAt: true,
        commentEndsAt: true,
        publishedAt: true,
        closedAt: true,
        commune,
      },
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      take: FEED_SIZE,
    }),
    db.outcomeNotice.findMany({
      where: { status: "PUBLISHED", publishedAt: { not: null }, ...(communeId ? { communeId } : {}) },
      select: { id: true, title: true, body: true, publishedAt: true, updatedAt: true, consultationId: true, consultation: { select: { commune } } },
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      take: FEED_SIZE,
    }),
  ]);
  const items: FeedItem[] = [
    ...consultations.map((c) => ({
      kind: "consultation" as const,
      id: c.id,
      communeSlug: c.commune.slug,
      communeName: c.commune.name,
      title: c.title,
      text: c.summary,
      status: c.status,
      matterKind: c.matterKind,
      legalCategory: c.legalCategory,
      commentStartsAt: c.commentStartsAt,
      commentEndsAt: c.commentEndsAt,
      publishedAt: c.publishedAt!,
      updatedAt: c.closedAt && c.closedAt > c.publishedAt! ? c.closedAt : c.publishedAt!,
    })),
    ...notices.map((n) => ({
      kind: "notice" as const,
      id: n.id,
      consultationId: n.consultationId,
      communeSlug: n.consultation.commune.slug,
      communeName: n.consultation.commune.name,
      title: n.title,
      text: n.body,
      publishedAt: n.publishedAt!,
      updatedAt: n.publishedAt!,
    })),
  ];
  return items.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.id.localeCompare(b.id)).slice(0, FEED_SIZE);
}
