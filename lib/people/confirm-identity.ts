import "server-only";

// Confirming in person the identity of a resident whose account was verified only by a match on the
// household list (name, year of birth, village). Such an account may comment but not vote
// (lib/participation/eligibility.ts checkVotingIdentity); staff, or the village head of the person's
// own village, look at the person and their papers and confirm, which lets the account vote.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { assertMayEnterFor } from "@/lib/participation/ballot-scope";

export async function confirmIdentityInPerson(access: CommuneAccess, input: { residentId: string }, now = new Date()) {
  const membership = await db.membership.findFirst({
    where: { communeId: access.communeId, residentId: input.residentId, role: "RESIDENT", status: "VERIFIED" },
    select: { id: true, verificationMethod: true, resident: { select: { villageId: true } } },
  });
  if (!membership?.resident) throw notFound("accountNotFound");
  // A village head confirms people of their own village only; staff anyone of the commune.
  assertMayEnterFor(access, membership.resident.villageId);
  if (membership.verificationMethod !== "LIST_MATCH") throw conflict("identityAlreadyConfirmed");
  return db.$transaction(async (tx) => {
    const { count } = await tx.membership.updateMany({
      where: { id: membership.id, verificationMethod: "LIST_MATCH" },
      data: { verificationMethod: "IN_PERSON", verifiedAt: now, verifiedById: access.userId },
    });
    if (count !== 1) throw conflict("identityAlreadyConfirmed");
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "resident.confirmIdentity",
      entityType: "Membership",
      entityId: membership.id,
      before: { verificationMethod: "LIST_MATCH" },
      after: { verificationMethod: "IN_PERSON" },
      details: { method: "IN_PERSON" },
    });
    return { membershipId: membership.id, verificationMethod: "IN_PERSON" as const };
  });
}
