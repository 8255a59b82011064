// The Front confirms or rejects staff's proposal to void a disputed vote (Law 10/2022 Art. 23.3: the
// Front supervises the discussion and decision). A confirmed void keeps the vote row with `voidedAt`
// and `voidReason`; every count reads only votes without `voidedAt`. The vote's key moves aside
// ("H:<household>#void:<vote id>"), so the unique key (questionId, voterKey) that holds "one household,
// one vote" lets the household vote again through a lawful channel, and still refuses a second live vote.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { appendAudit } from "@/lib/oversight/audit";
import { assertNotFrozen } from "@/lib/reports/freeze";

import { notifyHousehold } from "./household-members";
import type { DecideVoidValues } from "./schemas";

export async function decideVoid(access: CommuneAccess, values: DecideVoidValues, now = new Date()) {
  const status = values.decision === "CONFIRM" ? "VOIDED" : "REJECTED";
  return db.$transaction(async (tx) => {
    const dispute = await tx.voteDispute.findFirst({
      where: { id: values.disputeId, communeId: access.communeId },
      select: { id: true, status: true, voteId: true, consultationId: true, householdId: true, disputedById: true, proposalReason: true },
    });
    if (!dispute) throw notFound("disputeNotFound");
    // Voiding changes the count: not once the report is with the Front (lib/reports/freeze.ts).
    if (status === "VOIDED") await assertNotFrozen(tx, dispute.consultationId);
    const { count } = await tx.voteDispute.updateMany({
      where: { id: dispute.id, status: "PROPOSED" },
      data: { status, decidedById: access.userId, decidedAt: now, decisionNote: values.note },
    });
    if (count !== 1) throw conflict("disputeNotProposed");
    const at = now.toISOString();
    if (status === "VOIDED") {
      const voided = await tx.$executeRaw`
        UPDATE "Vote" SET "voidedAt" = (${at}::timestamptz AT TIME ZONE 'UTC'), "voidReason" = ${dispute.proposalReason},
          "voterKey" = "voterKey" || '#void:' || "id", "updatedAt" = (${at}::timestamptz AT TIME ZONE 'UTC')
        WHERE "id" = ${dispute.voteId} AND "communeId" = ${access.communeId} AND "voidedAt" IS NULL`;
      if (voided !== 1) throw conflict("voteAlreadyVoided");
    }
    const consultation = await tx.consultation.findUniqueOrThrow({ where: { id: dispute.consultationId }, select: { title: true, commune: { select: { slug: true } } } });
    if (dispute.householdId) {
      await notifyHousehold(tx, access.communeId, dispute.householdId, (userId) =>
        notify(tx, {
          communeId: access.communeId,
          userId,
          kind: status === "VOIDED" ? "contestedVoteVoided" : "contestedVoteRejected",
          params: { consultation: consultation.title, note: values.note },
          link: `/${consultation.commune.slug}/household-votes`,
        }),
      );
    }
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: status === "VOIDED" ? "vote.void.confirm" : "vote.void.reject",
      entityType: "VoteDispute",
      entityId: dispute.id,
      before: { status: "PROPOSED" },
      after: { status, note: values.note, ...(status === "VOIDED" ? { voteId: dispute.voteId, voidedAt: at, voidReason: dispute.proposalReason } : {}) },
      details: { consultationId: dispute.consultationId, voteId: dispute.voteId },
    });
    return { disputeId: dispute.id, status, consultationId: dispute.consultationId };
  });
}
