import "server-only";

import type { Tx } from "@/lib/db";

import { claimKey, decideMatch, type MatchClaim, type MatchOutcome } from "./match-rules";

/**
 * The list match for a registration, inside the transaction that records it. The matching people are
 * locked first, then their links read: of two registrations claiming the same person at once, the
 * second sees the first one's link and stays pending.
 */
export async function findListMatch(tx: Tx, communeId: string, claim: MatchClaim): Promise<MatchOutcome> {
  const key = claimKey(claim);
  const people = await tx.$queryRaw<{ id: string; nameKey: string; birthYear: number | null; villageId: string; isActive: boolean }[]>`
    SELECT id, "nameKey", "birthYear", "villageId", "isActive" FROM "Resident"
    WHERE "communeId" = ${communeId} AND "villageId" = ${key.villageId} AND "nameKey" = ${key.nameKey} AND "birthYear" = ${key.birthYear}
    ORDER BY id FOR UPDATE`;
  const linked = await tx.membership.findMany({
    where: { residentId: { in: people.map((p) => p.id) }, role: "RESIDENT" },
    select: { residentId: true },
  });
  const linkedIds = new Set(linked.map((l) => l.residentId));
  return decideMatch(claim, people.map((p) => ({ ...p, isLinked: linkedIds.has(p.id) })));
}
