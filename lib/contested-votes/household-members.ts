// The accounts of a household's members: who is told when something happens to a vote in the
// household's name.
import type { db, Tx } from "@/lib/db";

export type MemberAccount = { userId: string; phone: string | null };

/** Verified resident accounts of the household's active members, with their phone if any. */
export async function householdAccounts(tx: Tx | typeof db, communeId: string, householdId: string): Promise<MemberAccount[]> {
  return tx.$queryRaw<MemberAccount[]>`
    SELECT u."id" AS "userId", u."phone"
    FROM "Resident" r
    JOIN "Membership" m ON m."residentId" = r."id" AND m."role" = 'RESIDENT' AND m."status" = 'VERIFIED' AND m."communeId" = r."communeId"
    JOIN "User" u ON u."id" = m."userId" AND u."anonymisedAt" IS NULL
    WHERE r."householdId" = ${householdId} AND r."communeId" = ${communeId} AND r."isActive"
    ORDER BY u."id"`;
}

export async function notifyHousehold(tx: Tx, communeId: string, householdId: string, send: (userId: string) => Promise<unknown>) {
  for (const member of await householdAccounts(tx, communeId, householdId)) await send(member.userId);
}
