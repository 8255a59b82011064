// The Front confirms or rejects staff's proposal to count a village by its meeting instead of its
// individual votes (Law 10/2022 Art. 23.3). Only a confirmation writes the village's tally source;
// the quorum is checked again, since a meeting without it decides nothing.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { countIndividualVotes } from "@/lib/participation/record-meeting";
import { meetingHasQuorum } from "@/lib/participation/tally";
import { assertNotFrozen } from "@/lib/reports/freeze";

import type { DecideMeetingCountValues } from "./schemas";

export async function decideMeetingCount(access: CommuneAccess, values: DecideMeetingCountValues, now = new Date()) {
  const status = values.decision === "CONFIRM" ? "CONFIRMED" : "REJECTED";
  return db.$transaction(async (tx) => {
    const proposal = await tx.meetingCountProposal.findFirst({
      where: { id: values.proposalId, communeId: access.communeId },
      select: { id: true, consultationId: true, villageId: true, meetingId: true, reason: true, proposedById: true },
    });
    if (!proposal) throw notFound("proposalNotFound");
    // Confirming changes where the village's count comes from: not once the report is with the Front.
    if (status === "CONFIRMED") await assertNotFrozen(tx, proposal.consultationId);
    const { count } = await tx.meetingCountProposal.updateMany({
      where: { id: proposal.id, status: "PROPOSED" },
      data: { status, decidedById: access.userId, decidedAt: now, decisionNote: values.note },
    });
    if (count !== 1) throw conflict("proposalNotPending");
    const setAside = await countIndividualVotes(tx, proposal.consultationId, proposal.villageId);
    if (status === "CONFIRMED") {
      const meeting = await tx.meetingRecord.findFirstOrThrow({ where: { id: proposal.meetingId }, select: { householdsPresent: true, householdsTotal: true } });
      const questions = await tx.ballotQuestion.findMany({ where: { consultationId: proposal.consultationId }, select: { id: true, quorumPercent: true } });
      const lacking = questions.find((q) => !meetingHasQuorum(meeting.householdsPresent, meeting.householdsTotal, q.quorumPercent));
      if (lacking) throw conflict("meetingLacksQuorum", { present: meeting.householdsPresent, total: meeting.householdsTotal, quorum: lacking.quorumPercent ?? 0 });
      for (const q of questions) {
        const row = { source: "MEETING" as const, meetingId: proposal.meetingId, reason: proposal.reason, decidedById: access.userId, decidedAt: now };
        await tx.villageTallySource.upsert({
          where: { questionId_villageId: { questionId: q.id, villageId: proposal.villageId } },
          create: { communeId: access.communeId, questionId: q.id, villageId: proposal.villageId, ...row },
          update: row,
        });
      }
    }
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: status === "CONFIRMED" ? "tally.meeting.confirm" : "tally.meeting.reject",
      entityType: "MeetingCountProposal",
      entityId: proposal.id,
      before: { status: "PROPOSED" },
      after: { status, note: values.note },
      details: { consultationId: proposal.consultationId, villageId: proposal.villageId, meetingId: proposal.meetingId, proposedById: proposal.proposedById, setAside },
    });
    return { proposalId: proposal.id, status };
  });
}
