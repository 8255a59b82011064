// Counting a village by its meeting instead of the individual votes already cast there sets those
// votes aside: staff may only propose it, with a reason; the Front confirms or rejects
// (decide-meeting-count.ts; Law 10/2022 Art. 23.3, the Front supervises every decision). Until it is
// confirmed the individual votes count. A village with only a meeting record replaces nobody's vote:
// its meeting counts without a proposal (tally.ts selectVillageSource).
import type { CommuneAccess } from "@/lib/auth/authorize";
import { STAFF_ROLES } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db";
import { conflict, forbidden } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/oversight/audit";

export type MeetingCountProposalInput = { consultationId: string; villageId: string; village: string; meetingId: string; reason: string };

/** Writes the proposal and its audit event inside the caller's transaction (a meeting being recorded, or staff's later choice). */
export async function proposeMeetingCount(tx: Tx, access: CommuneAccess, input: MeetingCountProposalInput, setAside: Record<string, number>) {
  if (!access.roles.some((r) => STAFF_ROLES.includes(r))) throw forbidden();
  // One open proposal per village: the partial unique index "MeetingCountProposal_open_key" refuses a
  // second, whatever two requests do at once; the refusal is translated here.
  const proposal = await tx.meetingCountProposal
    .create({
      data: { communeId: access.communeId, consultationId: input.consultationId, villageId: input.villageId, meetingId: input.meetingId, reason: input.reason, proposedById: access.userId },
      select: { id: true, status: true },
    })
    .catch((e: unknown) => {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw conflict("meetingCountAlreadyProposed", { village: input.village });
      throw e;
    });
  await appendAudit(tx, {
    communeId: access.communeId,
    actorId: access.userId,
    actorRole: access.actingRole,
    action: "tally.meeting.propose",
    entityType: "MeetingCountProposal",
    entityId: proposal.id,
    after: { meetingId: input.meetingId, reason: input.reason, status: "PROPOSED" },
    details: { consultationId: input.consultationId, villageId: input.villageId, village: input.village, setAside },
  });
  return proposal;
}

/** Whether staff's choice of the meeting would set individual votes aside, and so needs the Front. */
export const replacesVotes = (individual: Record<string, number>) => Object.values(individual).some((n) => n > 0);
