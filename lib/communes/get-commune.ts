import { cache } from "react";

import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

const communeSelect = {
  id: true,
  slug: true,
  name: true,
  province: true,
  boundary: true,
  centerLat: true,
  centerLng: true,
  isDemo: true,
  settings: true,
} as const;

export const getCommuneBySlug = cache(async (slug: string) =>
  db.commune.findUnique({ where: { slug }, select: communeSelect }),
);

export async function getCommuneBySlugOrThrow(slug: string) {
  const commune = await getCommuneBySlug(slug);
  if (!commune) throw notFound("communeNotFound");
  return commune;
}

export type CommuneSummary = NonNullable<Awaited<ReturnType<typeof getCommuneBySlug>>>;

export const listVillages = cache(async (communeId: string) =>
  db.village.findMany({
    where: { communeId },
    select: { id: true, name: true, boundary: true, householdCount: true },
    orderBy: { name: "asc" },
  }),
);

/** The commune to open directly: DEFAULT_COMMUNE, or the only one. Null when a choice is needed. */
export function defaultCommuneSlug(communes: { slug: string }[], configured: string | undefined): string | null {
  const slug = configured ?? (communes.length === 1 ? communes[0]!.slug : undefined);
  return slug && communes.some((c) => c.slug === slug) ? slug : null;
}

export const listCommunes = () =>
  db.commune.findMany({ select: { slug: true, name: true, province: true }, orderBy: { name: "asc" } });
