// What each side reads: a household its votes (channel and time, never the choice) with any dispute;
// staff and the Front the disputes with the vote's channel, time and who entered it.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";

import { householdOf } from "./dispute-vote";

export async function listHouseholdVotes(access: CommuneAccess) {
  const householdId = await householdOf(access);
  const votes = await db.vote.findMany({
    where: { communeId: access.communeId, householdId },
    select: {
      id: true,
      channel: true,
      createdAt: true,
      voidedAt: true,
      voidReason: true,
      question: { select: { text: true, consultation: { select: { id: true, title: true } } } },
    },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  const disputes = await db.voteDispute.findMany({
    where: { voteId: { in: votes.map((v) => v.id) } },
    select: { voteId: true, status: true, createdAt: true, decisionNote: true },
  });
  return votes.map((v) => ({ ...v, dispute: disputes.find((d) => d.voteId === v.id) ?? null }));
}

export async function listDisputes(access: CommuneAccess, consultationId?: string) {
  const disputes = await db.voteDispute.findMany({
    where: { communeId: access.communeId, ...(consultationId ? { consultationId } : {}) },
    select: {
      id: true,
      voteId: true,
      consultationId: true,
      statement: true,
      status: true,
      createdAt: true,
      proposalReason: true,
      proposedAt: true,
      decisionNote: true,
      decidedAt: true,
    },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  const votes = await db.vote.findMany({
    where: { id: { in: disputes.map((d) => d.voteId) } },
    select: { id: true, channel: true, createdAt: true, villageId: true, enteredById: true, userId: true, householdId: true, question: { select: { text: true, consultation: { select: { title: true } } } } },
  });
  return disputes.map((d) => ({ ...d, vote: votes.find((v) => v.id === d.voteId) ?? null }));
}
