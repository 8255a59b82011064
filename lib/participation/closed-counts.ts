// The denominator of a count: each village's households (or adults, for a question voted per person).
// Law 10/2022 Art. 21.1 measures a decision against ALL household representatives of the village as
// the list stood when voting closed: the list on the last day of voting (lib/households/count-as-of.ts),
// whenever the count is made. At close the counts are kept per question and village, and a later
// change to the household list (an import, a death recorded late, a merge of villages) never changes a
// closed result.
import { type db, type Tx } from "@/lib/db";
import type { VotingUnit } from "@/lib/generated/prisma/enums";
import { countingDay, eligibleOnDay, villagesOnDayWhere } from "@/lib/households/count-as-of";
import { today } from "@/lib/households/list-day";

type Client = Tx | typeof db;

/** Counts from the list as it stands today: village id → households (or adults). */
export async function liveEligible(client: Client, communeId: string, villageIds: string[] | null, unit: VotingUnit, now: Date): Promise<Map<string, number>> {
  return eligibleOnDay(client, communeId, villageIds, unit, today(now));
}

/**
 * Keeps every question's per-village counts as they stood on the last day of voting. Called in the transaction that closes
 * the consultation; a second call changes nothing (the first figures stay).
 */
export async function freezeVillageCounts(tx: Tx, consultation: { id: string; communeId: string }, now: Date): Promise<number> {
  const c = await tx.consultation.findUniqueOrThrow({
    where: { id: consultation.id },
    select: { isCommuneWide: true, commentEndsAt: true, villages: { select: { villageId: true } }, questions: { select: { id: true, votingUnit: true } } },
  });
  if (c.questions.length === 0) return 0;
  const scope = c.isCommuneWide ? null : c.villages.map((v) => v.villageId);
  // The list on the last day of voting, even when the close runs later (or a change was entered since).
  const day = countingDay(c.commentEndsAt, now);
  const villages = await tx.village.findMany({ where: { communeId: consultation.communeId, ...(scope ? { id: { in: scope } } : {}), ...villagesOnDayWhere(day) }, select: { id: true } });
  const byUnit = new Map<VotingUnit, Map<string, number>>();
  for (const unit of new Set(c.questions.map((q) => q.votingUnit))) byUnit.set(unit, await eligibleOnDay(tx, consultation.communeId, scope, unit, day));
  const rows = c.questions.flatMap((q) =>
    villages.map((v) => ({ communeId: consultation.communeId, questionId: q.id, villageId: v.id, eligible: byUnit.get(q.votingUnit)?.get(v.id) ?? 0, frozenAt: now })),
  );
  const { count } = await tx.closedVillageCount.createMany({ data: rows, skipDuplicates: true });
  return count;
}

/** The frozen counts of these questions: question id → village id → count. Empty before close. */
export async function frozenEligible(client: Client, questionIds: string[]): Promise<Map<string, Map<string, number>>> {
  const rows = await client.closedVillageCount.findMany({ where: { questionId: { in: questionIds } }, select: { questionId: true, villageId: true, eligible: true } });
  const result = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (!result.has(r.questionId)) result.set(r.questionId, new Map());
    result.get(r.questionId)!.set(r.villageId, r.eligible);
  }
  return result;
}
