import "server-only";

// Staff decide on registrations that the list could not match: verified in person, linked to the
// chosen person on the list, or rejected with a reason the resident reads on their status page.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db, type Tx } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/oversight/audit";

async function pendingRegistration(tx: Tx, communeId: string, membershipId: string) {
  const membership = await tx.membership.findFirst({
    where: { id: membershipId, communeId, role: "RESIDENT" },
    select: { id: true, status: true, userId: true },
  });
  if (!membership) throw notFound("registrationNotFound");
  if (membership.status !== "PENDING") throw conflict("registrationNotPending");
  return membership;
}

export async function verifyRegistration(access: CommuneAccess, input: { membershipId: string; residentId: string }, now = new Date()) {
  try {
    return await db.$transaction(async (tx) => {
      await pendingRegistration(tx, access.communeId, input.membershipId);
      const resident = await tx.resident.findFirst({
        where: { id: input.residentId, communeId: access.communeId, isActive: true },
        select: { id: true, villageId: true },
      });
      if (!resident) throw notFound("residentNotFound");
      // Only a registration still pending moves: two staff deciding at once cannot both win.
      const { count } = await tx.membership.updateMany({
        where: { id: input.membershipId, communeId: access.communeId, status: "PENDING" },
        data: {
          status: "VERIFIED",
          verificationMethod: "IN_PERSON",
          verifiedAt: now,
          verifiedById: access.userId,
          residentId: resident.id,
          villageId: resident.villageId,
          rejectionReason: null,
        },
      });
      if (count !== 1) throw conflict("registrationNotPending");
      await appendAudit(tx, {
        communeId: access.communeId,
        actorId: access.userId,
        actorRole: access.actingRole,
        action: "resident.verify",
        entityType: "Membership",
        entityId: input.membershipId,
        before: { status: "PENDING" },
        after: { status: "VERIFIED", residentId: resident.id },
        details: { method: "IN_PERSON" },
      });
      return { membershipId: input.membershipId, status: "VERIFIED" as const };
    });
  } catch (error) {
    // The unique key (residentId, role): one account per person on the list.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw conflict("residentAlreadyRegistered");
    throw error;
  }
}

export async function rejectRegistration(access: CommuneAccess, input: { membershipId: string; reason: string }) {
  return db.$transaction(async (tx) => {
    await pendingRegistration(tx, access.communeId, input.membershipId);
    const { count } = await tx.membership.updateMany({
      where: { id: input.membershipId, communeId: access.communeId, status: "PENDING" },
      data: { status: "REJECTED", rejectionReason: input.reason, verifiedById: access.userId },
    });
    if (count !== 1) throw conflict("registrationNotPending");
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "resident.reject",
      entityType: "Membership",
      entityId: input.membershipId,
      before: { status: "PENDING" },
      after: { status: "REJECTED", reason: input.reason },
    });
    return { membershipId: input.membershipId, status: "REJECTED" as const };
  });
}
