import "server-only";

import { db } from "@/lib/db";
import { AppError, conflict, forbidden } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/oversight/audit";

import { findUsableInvite, useInvite } from "./invites";

/** A person's own registration in a commune: never anyone else's. */
export async function getRegistrationStatus(userId: string, communeId: string) {
  return db.membership.findFirst({
    where: { userId, communeId, role: "RESIDENT" },
    select: {
      status: true,
      rejectionReason: true,
      verificationMethod: true,
      verifiedAt: true,
      claimedName: true,
      claimedBirthYear: true,
      createdAt: true,
      resident: { select: { fullName: true, village: { select: { name: true } }, household: { select: { code: true } } } },
    },
  });
}

/** A resident still waiting types the code their village head gave them, and is verified. */
export async function redeemInviteForAccount(userId: string, communeId: string, typed: string, ip: string, now = new Date()) {
  const membership = await db.membership.findFirst({ where: { userId, communeId, role: "RESIDENT" }, select: { id: true, status: true } });
  if (!membership) throw forbidden();
  if (membership.status !== "PENDING") throw conflict("registrationNotPending");
  const invite = await findUsableInvite(communeId, typed, ip, now);
  try {
    return await db.$transaction(async (tx) => {
      await useInvite(tx, invite.id, now);
      const { count } = await tx.membership.updateMany({
        where: { id: membership.id, status: "PENDING" },
        data: { status: "VERIFIED", verificationMethod: "INVITE_CODE", verifiedAt: now, verifiedById: invite.issuedById, residentId: invite.resident.id, villageId: invite.resident.villageId },
      });
      if (count !== 1) throw conflict("registrationNotPending");
      await appendAudit(tx, {
        communeId,
        actorId: userId,
        actorRole: "RESIDENT",
        action: "resident.verify",
        entityType: "Membership",
        entityId: membership.id,
        before: { status: "PENDING" },
        after: { status: "VERIFIED", residentId: invite.resident.id },
        details: { method: "INVITE_CODE" },
      });
      return { status: "VERIFIED" as const };
    });
  } catch (error) {
    // The unique key (residentId, role): the person got an account another way meanwhile.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("residentAlreadyRegistered", 409, {}, { inviteCode: "residentAlreadyRegistered" });
    }
    throw error;
  }
}
