import "server-only";

// A new commune has no official yet, so nobody inside it can grant a role: the platform administrator
// names its first administrator or staff member, by a confirmed email or a phone number of an existing
// account (lib/people/grantee.ts, the same proof as any grant). From then on the commune's own
// administrators grant roles (lib/people/officials.ts). A Front reviewer is never granted here: the
// Front is appointed with the Front's confirmation (Law 10/2022 Art. 23.3, lib/people/front-appointments.ts).
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { findGrantee } from "@/lib/people/grantee";
import { appendAudit } from "@/lib/oversight/audit";

import { PLATFORM_ROLE, type PlatformAdmin } from "./platform-admin";

export async function grantFirstMember(admin: PlatformAdmin, input: { communeId: string; identifier: string; role: "ADMIN" | "STAFF" }, now = new Date()) {
  return db.$transaction(async (tx) => {
    const commune = await tx.commune.findUnique({ where: { id: input.communeId }, select: { id: true } });
    if (!commune) throw notFound("communeNotFound");
    const user = await findGrantee(tx, input.identifier);
    const held = await tx.membership.findMany({ where: { userId: user.id, communeId: commune.id, status: "VERIFIED" }, select: { role: true } });
    if (held.some((h) => h.role === input.role)) throw conflict("roleAlreadyHeld");
    // The Front supervises the Committee: one person is never both in the same commune.
    if (held.some((h) => h.role === "FRONT_REVIEWER" || h.role === "INSPECTOR")) throw conflict("frontAndCommittee");
    const data = { status: "VERIFIED" as const, verificationMethod: "APPOINTED" as const, verifiedAt: now, verifiedById: admin.userId, rejectionReason: null };
    const membership = await tx.membership.upsert({
      where: { userId_communeId_role: { userId: user.id, communeId: commune.id, role: input.role } },
      create: { userId: user.id, communeId: commune.id, role: input.role, ...data },
      update: data,
      select: { id: true },
    });
    await appendAudit(tx, {
      communeId: commune.id,
      actorId: admin.userId,
      actorRole: PLATFORM_ROLE,
      action: "membership.grant",
      entityType: "Membership",
      entityId: membership.id,
      after: { userId: user.id, role: input.role },
      details: { role: input.role, byPlatform: true },
    });
    return { membershipId: membership.id, name: user.name };
  });
}
