// What the write streams write: assisted entries (staff enter a vote and an opinion for a resident, in
// one transaction, as at the commune office) on the demo land-use plan of xã Thiện Tín, whose ballot is
// one question per resident. One staff session can thus write for hundreds of residents without
// running into the per-person limits that guard residents' own votes.
import type { Client } from "./app";
import { sql } from "./data";

export type AssistedTargets = {
  communeId: string;
  consultationId: string;
  questionId: string;
  optionIds: string[];
  residentIds: string[];
};

export async function assistedTargets(url: string): Promise<AssistedTargets> {
  const [c] = await sql<{ communeId: string; consultationId: string; questionId: string }>(
    url,
    `SELECT c."communeId", c."id" AS "consultationId", q."id" AS "questionId"
     FROM "Consultation" c JOIN "BallotQuestion" q ON q."consultationId" = c."id"
     WHERE c."title" LIKE 'Kế hoạch sử dụng đất năm 2027%' AND q."votingUnit" = 'RESIDENT' LIMIT 1`,
  );
  if (!c) throw new Error("the demo land-use plan and its ballot are missing");
  const options = await sql<{ id: string }>(url, `SELECT "id" FROM "BallotOption" WHERE "questionId" = $1 ORDER BY "position"`, [c.questionId]);
  const residents = await sql<{ id: string }>(
    url,
    `SELECT r."id" FROM "Resident" r JOIN "Household" h ON h."id" = r."householdId"
     WHERE r."communeId" = $1 AND r."isActive" AND h."isActive" AND r."birthYear" <= 1990
       AND NOT EXISTS (SELECT 1 FROM "Vote" v WHERE v."questionId" = $2 AND v."residentId" = r."id")
     ORDER BY r."id"`,
    [c.communeId, c.questionId],
  );
  return { ...c, optionIds: options.map((o) => o.id), residentIds: residents.map((r) => r.id) };
}

export function enterAssisted(client: Client, t: AssistedTargets, residentId: string, options: { timeoutMs?: number } = {}) {
  const choice = t.optionIds[residentId.charCodeAt(residentId.length - 1) % t.optionIds.length]!;
  return client.action<{ votes: { receiptCode: string }[]; opinionNumber: number | null }>(
    "enterAssistedAction",
    {
      communeId: t.communeId,
      consultationId: t.consultationId,
      residentId,
      reason: "Người cao tuổi nhờ cán bộ nhập giúp tại UBND xã",
      answers: [{ questionId: t.questionId, optionIds: [choice] }],
      opinion: { body: `Ý kiến nhập giúp cho ${residentId}: đề nghị giữ dải cây xanh cách ly.`, stance: "OTHER" },
    },
    { page: `/thien-tin/staff/consultations/${t.consultationId}/votes`, timeoutMs: options.timeoutMs },
  );
}
