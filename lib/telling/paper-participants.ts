import "server-only";

// Who took part on paper or with help (Channel PAPER or ASSISTED: a vote entered by staff or a village
// head, an opinion written down for the resident) and has an account: the person named on the entry,
// or for a household's vote its representative. The resident list holds no phone; the phone is the
// one on the person's verified account.
import type { db, Tx } from "@/lib/db";

export type PaperParticipant = { householdId: string; userId: string; phone: string | null };

export async function listPaperParticipants(client: Tx | typeof db, consultationId: string): Promise<PaperParticipant[]> {
  return client.$queryRaw<PaperParticipant[]>`
    WITH entries AS (
      SELECT v."householdId", v."residentId" FROM "Vote" v
      WHERE v."consultationId" = ${consultationId} AND v."channel" IN ('PAPER', 'ASSISTED') AND v."voidedAt" IS NULL
      UNION
      SELECT o."householdId", o."residentId" FROM "Opinion" o
      WHERE o."consultationId" = ${consultationId} AND o."channel" IN ('PAPER', 'ASSISTED')
    )
    SELECT DISTINCT h."id" AS "householdId", u."id" AS "userId", u."phone"
    FROM entries e
    LEFT JOIN "Resident" named ON named."id" = e."residentId"
    JOIN "Household" h ON h."id" = COALESCE(e."householdId", named."householdId")
    JOIN "Resident" r ON r."id" = COALESCE(e."residentId", h."representativeId")
    JOIN "Membership" m ON m."residentId" = r."id" AND m."role" = 'RESIDENT' AND m."status" = 'VERIFIED'
    JOIN "User" u ON u."id" = m."userId" AND u."anonymisedAt" IS NULL
    ORDER BY h."id", u."id"`;
}
