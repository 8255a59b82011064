// Who took part in a consultation with an account: anyone who posted an opinion, reacted to one or
// voted online. Households whose votes were entered on paper or at a meeting have no account here
// (the vote row carries no userId) and are told by the loudspeaker and the notice board instead.
import { db, type Tx } from "@/lib/db";

const PARTICIPANTS_SQL = `
  SELECT DISTINCT u."id" FROM "User" u
  WHERE u."anonymisedAt" IS NULL AND u."id" IN (
    SELECT o."authorId" FROM "Opinion" o WHERE o."consultationId" = $1 AND o."authorId" IS NOT NULL
    UNION
    SELECT r."userId" FROM "Reaction" r JOIN "Opinion" o ON o."id" = r."opinionId" WHERE o."consultationId" = $1
    UNION
    SELECT v."userId" FROM "Vote" v WHERE v."consultationId" = $1 AND v."userId" IS NOT NULL
  )
  ORDER BY u."id"`;

export async function listParticipantIds(client: Tx | typeof db, consultationId: string): Promise<string[]> {
  const rows = await client.$queryRawUnsafe<{ id: string }[]>(PARTICIPANTS_SQL, consultationId);
  return rows.map((r) => r.id);
}

export async function countParticipants(consultationId: string): Promise<number> {
  return (await listParticipantIds(db, consultationId)).length;
}
