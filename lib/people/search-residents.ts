import "server-only";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toSearchKey } from "@/lib/text/search-key";

import type { ResidentSearch } from "./schemas";

export const HOUSEHOLDS_PER_PAGE = 20;

/**
 * Households of the list with their members, found by a member's name typed with or without
 * diacritics, by household code, or by village. `onlyVillages` limits a village head to their own.
 */
export async function searchResidents(communeId: string, search: ResidentSearch, onlyVillages?: readonly string[]) {
  const nameKey = toSearchKey(search.q);
  const where: Prisma.HouseholdWhereInput = {
    communeId,
    isActive: true,
    ...(onlyVillages ? { villageId: { in: [...onlyVillages].filter((v) => !search.village || v === search.village) } } : search.village ? { villageId: search.village } : {}),
    ...(search.code ? { code: { contains: search.code.toUpperCase() } } : {}),
    ...(nameKey ? { members: { some: { nameKey: { contains: nameKey }, isActive: true } } } : {}),
  };
  const [households, total] = await Promise.all([
    db.household.findMany({
      where,
      select: {
        id: true,
        code: true,
        address: true,
        representativeId: true,
        village: { select: { id: true, name: true } },
        members: {
          where: { isActive: true },
          select: {
            id: true,
            fullName: true,
            birthYear: true,
            nameKey: true,
            memberships: { where: { role: "RESIDENT" }, select: { status: true, verificationMethod: true } },
          },
          orderBy: [{ birthYear: "asc" }, { fullName: "asc" }],
        },
      },
      orderBy: { code: "asc" },
      skip: (search.page - 1) * HOUSEHOLDS_PER_PAGE,
      take: HOUSEHOLDS_PER_PAGE,
    }),
    db.household.count({ where }),
  ]);
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / HOUSEHOLDS_PER_PAGE)),
    households: households.map((h) => ({
      ...h,
      members: h.members.map(({ nameKey: memberKey, memberships, ...m }) => ({
        ...m,
        /** The member the name search found, highlighted in the list. */
        isMatch: nameKey.length > 0 && memberKey.includes(nameKey),
        account: memberships[0] ?? null,
      })),
    })),
  };
}
