import "server-only";

// Invitation codes: a village head prints a short code for a person on the list of their own village;
// the person types it when registering (or later, while waiting) and is verified at once. A code is
// single use, expires, and a new code for the same person replaces the old one.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db, type Tx } from "@/lib/db";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { consumeRateLimit } from "@/lib/rate-limit";

import { codeSecret } from "./code-secret";
import { generateInviteCode, hashCode, INVITE_LENGTH, normalizeInviteCode } from "./codes";

export const INVITE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

const hashInvite = (communeId: string, normalized: string) => hashCode(codeSecret(), "INVITE", communeId, normalized);

/** The villages whose lists a user heads in this commune. */
export const headedVillages = (access: CommuneAccess) =>
  access.memberships.filter((m) => m.role === "VILLAGE_HEAD" && m.villageId).map((m) => m.villageId!);

export async function issueInvite(access: CommuneAccess, residentId: string, now = new Date()) {
  const villages = headedVillages(access);
  return db.$transaction(async (tx) => {
    const resident = await tx.resident.findFirst({
      where: { id: residentId, communeId: access.communeId, isActive: true },
      select: {
        id: true,
        fullName: true,
        birthYear: true,
        villageId: true,
        village: { select: { name: true } },
        household: { select: { code: true } },
        memberships: { where: { role: "RESIDENT" }, select: { id: true } },
      },
    });
    if (!resident) throw notFound("residentNotFound");
    if (!villages.includes(resident.villageId)) throw new AppError("inviteOtherVillage", 403);
    if (resident.memberships.length > 0) throw conflict("residentAlreadyRegistered");

    await tx.residentInvite.updateMany({
      where: { communeId: access.communeId, residentId, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    const code = generateInviteCode();
    const expiresAt = new Date(now.getTime() + INVITE_DAYS * DAY_MS);
    const invite = await tx.residentInvite.create({
      data: { communeId: access.communeId, residentId, codeHash: hashInvite(access.communeId, normalizeInviteCode(code)), issuedById: access.userId, expiresAt },
      select: { id: true },
    });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "resident.invite",
      entityType: "ResidentInvite",
      entityId: invite.id,
      after: { residentId, expiresAt },
      details: { villageId: resident.villageId },
    });
    return { code, expiresAt, fullName: resident.fullName, birthYear: resident.birthYear, village: resident.village.name, householdCode: resident.household.code };
  });
}

export type UsableInvite = { id: string; issuedById: string; resident: { id: string; villageId: string } };

/**
 * The invitation a typed code stands for, if it can still be used. Tries are limited per address (five
 * an hour), so codes cannot be guessed by trying many.
 */
export async function findUsableInvite(communeId: string, typed: string, ip: string, now = new Date()): Promise<UsableInvite> {
  await consumeRateLimit("register", `invite:${ip}`);
  const normalized = normalizeInviteCode(typed);
  const field = { inviteCode: "inviteInvalid" };
  if (normalized.length !== INVITE_LENGTH) throw invalid("inviteInvalid", {}, field);
  const invite = await db.residentInvite.findUnique({
    where: { communeId_codeHash: { communeId, codeHash: hashInvite(communeId, normalized) } },
    select: {
      id: true,
      issuedById: true,
      usedAt: true,
      expiresAt: true,
      resident: { select: { id: true, villageId: true, isActive: true, memberships: { where: { role: "RESIDENT" }, select: { id: true } } } },
    },
  });
  if (!invite || !invite.resident.isActive) throw invalid("inviteInvalid", {}, field);
  if (invite.usedAt) throw conflictOn("inviteUsed");
  if (invite.expiresAt <= now) throw invalid("inviteExpired", {}, { inviteCode: "inviteExpired" });
  if (invite.resident.memberships.length > 0) throw conflictOn("residentAlreadyRegistered");
  return { id: invite.id, issuedById: invite.issuedById, resident: { id: invite.resident.id, villageId: invite.resident.villageId } };
}

const conflictOn = (code: string) => new AppError(code, 409, {}, { inviteCode: code });

/** Marks the invitation used, once: of two registrations racing with one code, one wins. */
export async function useInvite(tx: Tx, inviteId: string, now = new Date()) {
  const { count } = await tx.residentInvite.updateMany({ where: { id: inviteId, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (count !== 1) throw conflictOn("inviteUsed");
}
