// A household disputes a vote recorded in its name: any member with a verified account may, on any
// channel the vote came through (web, paper, assisted). The vote keeps counting until the Front
// confirms staff's proposal to void it (propose-void.ts, decide-void.ts).
import type { CommuneAccess } from "@/lib/auth/authorize";
import { residentIdOf } from "@/lib/participation/ballot-scope";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/oversight/audit";

import type { DisputeVoteValues } from "./schemas";

/** The household of the person behind a resident account. */
export async function householdOf(access: CommuneAccess): Promise<string> {
  const resident = await db.resident.findFirst({ where: { id: residentIdOf(access), communeId: access.communeId }, select: { householdId: true } });
  if (!resident) throw notFound("voteNotFound");
  return resident.householdId;
}

export async function disputeVote(access: CommuneAccess, values: DisputeVoteValues) {
  const householdId = await householdOf(access);
  // A vote of another household reads as not found: its existence is not the asker's to learn.
  const vote = await db.vote.findFirst({
    where: { id: values.voteId, communeId: access.communeId, householdId },
    select: { id: true, consultationId: true, questionId: true, channel: true, voidedAt: true },
  });
  if (!vote) throw notFound("voteNotFound");
  if (vote.voidedAt) throw conflict("voteAlreadyVoided");
  try {
    return await db.$transaction(async (tx) => {
      const dispute = await tx.voteDispute.create({
        data: { communeId: access.communeId, voteId: vote.id, consultationId: vote.consultationId, householdId, disputedById: access.userId, statement: values.statement },
        select: { id: true, status: true, createdAt: true },
      });
      await appendAudit(tx, {
        communeId: access.communeId,
        actorId: access.userId,
        actorRole: access.actingRole,
        action: "vote.dispute",
        entityType: "VoteDispute",
        entityId: dispute.id,
        after: { voteId: vote.id, status: dispute.status },
        details: { consultationId: vote.consultationId, questionId: vote.questionId, channel: vote.channel },
      });
      return dispute;
    });
  } catch (error) {
    // One dispute per vote (unique key): a second member disputing the same vote is told it is already in hand.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw conflict("voteAlreadyDisputed");
    throw error;
  }
}
