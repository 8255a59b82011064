// What the online vote's minutes print for one village: the record of the conditions, the poll, and
// the village's count as get-results.ts counts it (web votes included only where the conditions held).
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { loadBallot } from "@/lib/participation/ballot-scope";
import { computeResults } from "@/lib/participation/get-results";
import { isBallotClosed, isVillageInScope } from "@/lib/participation/eligibility";

import { loadConditions, pollHouseholds } from "./load-conditions";
import type { OnlineMinutesInput } from "./online-vote-minutes";
import { loadOnlineConsultation } from "./village-scope";

export async function loadOnlineMinutesInput(communeId: string, consultationId: string, villageId: string, now = new Date()): Promise<OnlineMinutesInput> {
  const consultation = await loadOnlineConsultation(communeId, consultationId);
  const village = await db.village.findFirst({ where: { id: villageId, communeId }, select: { id: true, name: true, commune: { select: { name: true } } } });
  if (!village || !isVillageInScope(consultation, village.id)) throw notFound("unknownVillage");
  const ballot = await loadBallot(communeId, consultation.id);
  if (!isBallotClosed(ballot.window, now)) throw new AppError("minutesBeforeClose", 409);
  const [results, households, record] = await Promise.all([
    computeResults(communeId, ballot, now),
    pollHouseholds(communeId, consultation.id, [village.id], now),
    db.onlineDeciding.findUnique({
      where: { consultationId_villageId: { consultationId: consultation.id, villageId: village.id } },
      select: { agreedOn: true, villageHeadName: true, frontCommitteeName: true, notifiedOn: true, team: { select: { fullName: true, role: true, isLeader: true, isFrontRepresentative: true }, orderBy: { position: "asc" } } },
    }),
  ]);
  const conditions = (await loadConditions(communeId, consultation.id, households)).get(village.id);
  return {
    communeName: village.commune.name,
    villageName: village.name,
    consultationTitle: consultation.title,
    closedAt: consultation.closedAt ?? consultation.commentEndsAt ?? now,
    agreedOn: record?.agreedOn ?? null,
    villageHeadName: record?.villageHeadName ?? null,
    frontCommitteeName: record?.frontCommitteeName ?? null,
    notifiedOn: record?.notifiedOn ?? null,
    pollYes: conditions?.pollYes ?? 0,
    team: record?.team ?? [],
    households: households.get(village.id) ?? 0,
    questions: results.map((r, i) => {
      const v = r.villages.find((x) => x.villageId === village.id);
      return {
        position: r.question.position ?? i,
        text: r.question.text,
        options: r.question.options.map((o) => ({ label: o.label, count: v?.options[o.id] ?? 0 })),
        passed: v?.outcome?.passed ?? null,
      };
    }),
  };
}
