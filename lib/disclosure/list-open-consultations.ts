import "server-only";

import { PUBLIC_STATUSES } from "@/lib/consultations/get-consultation";
import { db } from "@/lib/db";

import type { OpenConsultation } from "./open-data";

/**
 * Every published consultation (never a draft or a scheduled one), of one commune or of all, newest
 * first. The select names each field the open data carries, so that nothing else can slip out.
 */
export async function listOpenConsultations(communeId?: string): Promise<OpenConsultation[]> {
  const rows = await db.consultation.findMany({
    where: { status: { in: PUBLIC_STATUSES }, ...(communeId ? { communeId } : {}) },
    select: {
      id: true,
      communeId: true,
      title: true,
      summary: true,
      status: true,
      matterKind: true,
      legalCategory: true,
      subject: true,
      isCommuneWide: true,
      postingStartsAt: true,
      postingEndsAt: true,
      commentStartsAt: true,
      commentEndsAt: true,
      publishedAt: true,
      closedAt: true,
      updatedAt: true,
      geometry: true,
      centerLat: true,
      centerLng: true,
      commune: { select: { slug: true, name: true, province: true } },
      villages: { select: { villageId: true } },
    },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
  });
  const villageIds = [...new Set(rows.flatMap((r) => r.villages.map((v) => v.villageId)))];
  const names = new Map(
    villageIds.length === 0
      ? []
      : (await db.village.findMany({ where: { id: { in: villageIds } }, select: { id: true, name: true, communeId: true } })).map((v) => [`${v.communeId}:${v.id}`, v.name]),
  );
  return rows.map(({ commune, villages, communeId: cid, ...c }) => ({
    ...c,
    communeSlug: commune.slug,
    communeName: commune.name,
    province: commune.province,
    villages: villages.map((v) => names.get(`${cid}:${v.villageId}`)).filter((n): n is string => Boolean(n)),
  }));
}
