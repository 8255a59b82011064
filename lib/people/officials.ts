import "server-only";

// The commune's officials: an administrator grants a role (staff, leader, village head, Front
// reviewer, administrator) to an existing account, and withdraws it. The Front supervises the People's
// Committee, so one person cannot hold a Front role and a Committee role in the same commune, and a
// Front reviewer is appointed or withdrawn only with the Front's confirmation (front-appointments.ts):
// here the administrator's grant or withdrawal of that role becomes a proposal. Nobody grants a role
// to themself: an administrator who could would need nobody to become a leader, or anything else.
// An account is named by its phone number or a confirmed email (grantee.ts).
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";

import { FRONT_ROLE, proposeFrontRoleChange } from "./front-appointments";
import { findGrantee } from "./grantee";
import { OFFICIAL_ROLES } from "./schemas";

const COMMITTEE: Role[] = ["STAFF", "LEADER", "ADMIN"];
// An inspection board member is no commune official either (Law 10/2022 Art. 37; lib/inspection/board.ts).
const FRONT: Role[] = ["FRONT_REVIEWER", "INSPECTOR"];

export type Official = {
  membershipId: string;
  userId: string;
  name: string;
  phone: string | null;
  email: string | null;
  role: Role;
  village: string | null;
  title: string | null;
  since: Date;
};

export async function listOfficials(communeId: string): Promise<Official[]> {
  const rows = await db.membership.findMany({
    where: { communeId, role: { in: [...OFFICIAL_ROLES] }, status: "VERIFIED" },
    select: { id: true, role: true, title: true, villageId: true, verifiedAt: true, createdAt: true, user: { select: { id: true, name: true, phone: true, email: true } } },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
  const villages = new Map(
    (await db.village.findMany({ where: { communeId }, select: { id: true, name: true } })).map((v) => [v.id, v.name]),
  );
  return rows.map((m) => ({
    membershipId: m.id,
    userId: m.user.id,
    name: m.user.name,
    phone: m.user.phone,
    email: m.user.email,
    role: m.role,
    village: m.villageId ? (villages.get(m.villageId) ?? null) : null,
    title: m.title,
    since: m.verifiedAt ?? m.createdAt,
  }));
}

export async function grantRole(
  access: CommuneAccess,
  input: { identifier: string; role: (typeof OFFICIAL_ROLES)[number]; villageId?: string; title?: string },
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const user = await findGrantee(tx, input.identifier);
    if (user.id === access.userId) throw conflict("cannotGrantOwnRole");
    let villageId: string | null = null;
    if (input.role === "VILLAGE_HEAD") {
      const village = await tx.village.findFirst({ where: { id: input.villageId ?? "", communeId: access.communeId }, select: { id: true } });
      if (!village) throw notFound("villageNotFound");
      villageId = village.id;
    }
    const held = await tx.membership.findMany({
      where: { userId: user.id, communeId: access.communeId, status: "VERIFIED" },
      select: { role: true },
    });
    const roles = held.map((h) => h.role);
    if (roles.includes(input.role)) throw conflict("roleAlreadyHeld");
    const incompatible = FRONT.includes(input.role) ? roles.some((r) => COMMITTEE.includes(r)) : COMMITTEE.includes(input.role) && roles.some((r) => FRONT.includes(r));
    if (incompatible) throw conflict("frontAndCommittee");
    if (input.role === FRONT_ROLE) return proposeFrontRoleChange(tx, access, { kind: "APPOINT", userId: user.id, userName: user.name, membershipId: null });
    const data = {
      status: "VERIFIED" as const,
      verificationMethod: "APPOINTED" as const,
      verifiedAt: now,
      verifiedById: access.userId,
      villageId,
      title: input.role === "LEADER" ? input.title || null : null,
      rejectionReason: null,
    };
    const membership = await tx.membership.upsert({
      where: { userId_communeId_role: { userId: user.id, communeId: access.communeId, role: input.role } },
      create: { userId: user.id, communeId: access.communeId, role: input.role, ...data },
      update: data,
      select: { id: true },
    });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "membership.grant",
      entityType: "Membership",
      entityId: membership.id,
      after: { userId: user.id, role: input.role, villageId, title: data.title },
      details: { role: input.role },
    });
    return { membershipId: membership.id, pending: false as const };
  });
}

export async function revokeRole(access: CommuneAccess, input: { membershipId: string }) {
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { id: input.membershipId, communeId: access.communeId, role: { in: [...OFFICIAL_ROLES] }, status: "VERIFIED" },
      select: { id: true, userId: true, role: true, villageId: true, title: true },
    });
    if (!membership) throw notFound("membershipNotFound");
    // An administrator does not lock the commune out by withdrawing their own administration.
    if (membership.role === "ADMIN" && membership.userId === access.userId) throw conflict("cannotRevokeOwnAdmin");
    if (membership.role === FRONT_ROLE) {
      const user = await tx.user.findUniqueOrThrow({ where: { id: membership.userId }, select: { name: true } });
      return proposeFrontRoleChange(tx, access, { kind: "WITHDRAW", userId: membership.userId, userName: user.name, membershipId: membership.id });
    }
    await tx.membership.delete({ where: { id: membership.id } });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "membership.revoke",
      entityType: "Membership",
      entityId: membership.id,
      before: { userId: membership.userId, role: membership.role, villageId: membership.villageId, title: membership.title },
      details: { role: membership.role },
    });
    return { membershipId: membership.id, pending: false as const };
  });
}
