// The preliminary poll of online deciding (Decree 59/2023 Art. 5): before voting opens, each household
// representative says once whether the household chooses the online form. Who may answer is who may
// vote on the web for the household (lib/participation/eligibility.ts): a verified resident whose
// identity was confirmed in person or with an invite code, the household's representative (or, where
// none is marked, its first adult to answer), in a village of the consultation. One answer per
// household: the database's unique key decides who was first.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { AppError, conflict } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadBallot, loadVoter, refuse, residentIdOf } from "@/lib/participation/ballot-scope";
import { checkVoter, checkVotingIdentity } from "@/lib/participation/eligibility";

import { loadOnlineConsultation } from "./village-scope";

/** The poll runs before the vote: published, and voting not yet open. */
export const isPollOpen = (c: { status: string; commentStartsAt: Date | null }, now: Date) => c.status === "PUBLISHED" && c.commentStartsAt !== null && now < c.commentStartsAt;

export async function answerPoll(access: CommuneAccess, input: { consultationId: string; choosesOnline: boolean }, now = new Date()) {
  const residentId = residentIdOf(access);
  refuse(checkVotingIdentity(access.memberships.find((m) => m.role === "RESIDENT")?.verificationMethod));
  const consultation = await loadOnlineConsultation(access.communeId, input.consultationId);
  if (!isPollOpen(consultation, now)) throw new AppError("pollClosed", 409);
  const [ballot, voter] = await Promise.all([loadBallot(access.communeId, consultation.id), loadVoter(access.communeId, residentId)]);
  refuse(checkVoter(ballot.window, "HOUSEHOLD", voter, now));
  try {
    await db.onlineFormPollAnswer.create({
      data: { communeId: access.communeId, consultationId: consultation.id, villageId: voter.villageId, householdId: voter.householdId, residentId, userId: access.userId, choosesOnline: input.choosesOnline },
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw conflict("pollAlreadyAnswered");
    throw e;
  }
  return { choosesOnline: input.choosesOnline };
}

/** The resident's household's answer, if any, and whether the poll is still open. */
export async function getMyPollAnswer(access: CommuneAccess, consultationId: string, now = new Date()) {
  const residentId = residentIdOf(access);
  const consultation = await loadOnlineConsultation(access.communeId, consultationId);
  const voter = await loadVoter(access.communeId, residentId);
  const answer = await db.onlineFormPollAnswer.findUnique({ where: { consultationId_householdId: { consultationId: consultation.id, householdId: voter.householdId } }, select: { choosesOnline: true, answeredAt: true } });
  return { open: isPollOpen(consultation, now), answer };
}
