import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type TextPart, highlight, snippet } from "@/lib/text/highlight";
import { toSearchKey } from "@/lib/text/search-key";

import { PUBLIC_STATUSES } from "./get-consultation";
import type { ListFilters } from "./schemas";

export const PAGE_SIZE = 12;

function publicWhere(communeId: string, f: Omit<ListFilters, "page" | "view">): Prisma.ConsultationWhereInput {
  const statuses =
    f.status === "open" ? (["PUBLISHED"] as const) : f.status === "closed" ? PUBLIC_STATUSES.filter((s) => s !== "PUBLISHED") : PUBLIC_STATUSES;
  const q = f.q ? toSearchKey(f.q) : "";
  return {
    communeId,
    status: { in: [...statuses] },
    ...(f.kind ? { matterKind: f.kind } : {}),
    ...(f.subject ? { subject: f.subject } : {}),
    ...(f.village ? { OR: [{ isCommuneWide: true }, { villages: { some: { villageId: f.village } } }] } : {}),
    ...(q ? { searchText: { contains: q } } : {}),
  };
}

const listSelect = {
  id: true,
  title: true,
  summary: true,
  matterKind: true,
  subject: true,
  status: true,
  commentStartsAt: true,
  commentEndsAt: true,
  centerLat: true,
  centerLng: true,
  isCommuneWide: true,
  _count: { select: { opinions: { where: { moderationState: "VISIBLE" as const, parentId: null } } } },
} as const;

export async function listPublicConsultations(communeId: string, filters: ListFilters) {
  const where = publicWhere(communeId, filters);
  const [items, total] = await Promise.all([
    db.consultation.findMany({
      where,
      select: listSelect,
      orderBy: [{ commentEndsAt: "asc" }, { publishedAt: "desc" }],
      skip: (filters.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    db.consultation.count({ where }),
  ]);
  const matches = filters.q ? await searchMatches(communeId, items, filters.q) : null;
  return {
    items: items.map((item) => ({ ...item, match: matches?.get(item.id) ?? null })),
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

/** A section's Markdown as the words a reader sees: link targets and formatting marks left out. */
const plainText = (markdown: string) => markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[*_`>#~|]+/g, "");

/** Why each result matched: the title with the words marked, and a passage of the text that has them. */
export type SearchMatch = { title: TextPart[]; passage: TextPart[] | null };

async function searchMatches(communeId: string, items: { id: string; title: string; summary: string }[], q: string): Promise<Map<string, SearchMatch>> {
  const sections = await db.consultationSection.findMany({
    where: { communeId, consultationId: { in: items.map((i) => i.id) } },
    select: { consultationId: true, heading: true, body: true },
    orderBy: { position: "asc" },
  });
  return new Map(
    items.map((item) => {
      const texts = [item.summary, ...sections.filter((s) => s.consultationId === item.id).flatMap((s) => [s.heading, plainText(s.body)])];
      return [item.id, { title: highlight(item.title, q), passage: snippet(texts, q) }];
    }),
  );
}

export type ConsultationListItem = Awaited<ReturnType<typeof listPublicConsultations>>["items"][number];

/** Markers for the home map: every match, not only the current page. */
export async function listConsultationMarkers(communeId: string, filters: ListFilters) {
  const rows = await db.consultation.findMany({
    where: { ...publicWhere(communeId, filters), centerLat: { not: null } },
    select: { id: true, title: true, status: true, centerLat: true, centerLng: true },
    take: 500,
  });
  return rows.map((r) => ({ id: r.id, title: r.title, status: r.status, lat: r.centerLat!, lng: r.centerLng! }));
}

export type ConsultationMarker = Awaited<ReturnType<typeof listConsultationMarkers>>[number];
