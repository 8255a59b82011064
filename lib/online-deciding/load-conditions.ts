// Reads where the conditions of online deciding (Decree 59/2023 Art. 5) stand in each village of a
// consultation: the village's record and team, and the preliminary poll counted against ALL households
// of the village (kept at close once voting closed, the register as it stands before).
import { db } from "@/lib/db";
import { frozenEligible, liveEligible } from "@/lib/participation/closed-counts";

import { type Conditions, conditionsOf } from "./online-deciding-rules";

/** Households per village for the poll: the counts kept at close, else the live register. */
export async function pollHouseholds(communeId: string, consultationId: string, villageIds: string[] | null, now = new Date()): Promise<Map<string, number>> {
  const question = await db.ballotQuestion.findFirst({ where: { consultationId, communeId, votingUnit: "HOUSEHOLD" }, select: { id: true }, orderBy: { position: "asc" } });
  const frozen = question ? (await frozenEligible(db, [question.id])).get(question.id) : undefined;
  return frozen ?? liveEligible(db, communeId, villageIds, "HOUSEHOLD", now);
}

/** Each village's conditions (villages with nothing recorded and no poll answer are met by none). */
export async function loadConditions(communeId: string, consultationId: string, households: Map<string, number>): Promise<Map<string, Conditions>> {
  const [consultation, records, poll] = await Promise.all([
    db.consultation.findFirstOrThrow({ where: { id: consultationId, communeId }, select: { commentStartsAt: true } }),
    db.onlineDeciding.findMany({
      where: { consultationId, communeId },
      select: { villageId: true, agreedOn: true, villageHeadName: true, frontCommitteeName: true, notifiedOn: true, team: { select: { fullName: true, role: true, isLeader: true, isFrontRepresentative: true }, orderBy: { position: "asc" } } },
    }),
    db.onlineFormPollAnswer.groupBy({ by: ["villageId"], where: { consultationId, communeId, choosesOnline: true }, _count: { _all: true } }),
  ]);
  const yes = new Map(poll.map((p) => [p.villageId, p._count._all]));
  const villageIds = new Set([...households.keys(), ...records.map((r) => r.villageId)]);
  return new Map(
    [...villageIds].map((villageId) => [
      villageId,
      conditionsOf(records.find((r) => r.villageId === villageId) ?? null, yes.get(villageId) ?? 0, households.get(villageId) ?? 0, consultation.commentStartsAt),
    ]),
  );
}

/** The villages where a web vote may decide: all four conditions met. */
export async function onlineDecidingVillages(communeId: string, consultationId: string, households: Map<string, number>): Promise<Set<string>> {
  const conditions = await loadConditions(communeId, consultationId, households);
  return new Set([...conditions].filter(([, c]) => c.allMet).map(([id]) => id));
}
