import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

import type { SessionMembership } from "./roles";

export async function loadMemberships(userId: string): Promise<SessionMembership[]> {
  const rows = await db.membership.findMany({
    where: { userId },
    select: { communeId: true, role: true, status: true, villageId: true, commune: { select: { slug: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((m) => ({
    communeId: m.communeId,
    communeSlug: m.commune.slug,
    role: m.role,
    status: m.status,
    villageId: m.villageId,
  }));
}

/** The verified roles a user holds in one commune, read from the database (never from the token). */
export async function loadCommuneRoles(userId: string, communeId: string) {
  return db.membership.findMany({
    where: { userId, communeId, status: "VERIFIED" },
    select: { id: true, role: true, villageId: true, residentId: true, title: true, verificationMethod: true },
  });
}

export type CommuneRole = Awaited<ReturnType<typeof loadCommuneRoles>>[number];
export const rolesOf = (memberships: CommuneRole[]): Role[] => memberships.map((m) => m.role);
