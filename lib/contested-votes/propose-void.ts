// Staff read the household's dispute, check what they can (the paper ballot, who entered it, the
// account that voted) and propose voiding the vote with their reason. Staff cannot void alone: the
// Front decides (decide-void.ts).
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";

import type { ProposeVoidValues } from "./schemas";

export async function proposeVoid(access: CommuneAccess, values: ProposeVoidValues, now = new Date()) {
  return db.$transaction(async (tx) => {
    const dispute = await tx.voteDispute.findFirst({ where: { id: values.disputeId, communeId: access.communeId }, select: { id: true, status: true, voteId: true, consultationId: true } });
    if (!dispute) throw notFound("disputeNotFound");
    // Only an open dispute moves: two staff proposing at once cannot both write.
    const { count } = await tx.voteDispute.updateMany({
      where: { id: dispute.id, status: "OPEN" },
      data: { status: "PROPOSED", proposedById: access.userId, proposedAt: now, proposalReason: values.reason },
    });
    if (count !== 1) throw conflict("disputeNotOpen");
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "vote.void.propose",
      entityType: "VoteDispute",
      entityId: dispute.id,
      before: { status: "OPEN" },
      after: { status: "PROPOSED", reason: values.reason },
      details: { consultationId: dispute.consultationId, voteId: dispute.voteId },
    });
    return { disputeId: dispute.id, status: "PROPOSED" as const };
  });
}
