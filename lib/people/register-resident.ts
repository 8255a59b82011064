import "server-only";

import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError, invalid } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MembershipStatus, VerificationMethod } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";
import { consumeRateLimit } from "@/lib/rate-limit";
import { toSearchKey } from "@/lib/text/search-key";

import { findListMatch } from "./find-list-match";
import { findUsableInvite, useInvite } from "./invites";
import { normalizePhone } from "./phone";
import { checkPhoneCode, consumePhoneCode } from "./phone-codes";
import { REGISTRATION_CONSENT_VERSION, type RegistrationValues } from "./schemas";

export type RegistrationOutcome = { userId: string; phone: string; status: MembershipStatus; method: VerificationMethod | null };

/**
 * A resident registers with a phone number proved by a one-time code. With a village head's
 * invitation code, or when name, year of birth and village match exactly one person on the commune's
 * list, the account is verified at once; otherwise it waits for staff.
 */
export async function registerResident(values: RegistrationValues, ip: string, now = new Date()): Promise<RegistrationOutcome> {
  await consumeRateLimit("register", ip);
  const phone = normalizePhone(values.phone);
  if (!phone) throw invalid("phoneInvalid", {}, { phone: "phoneInvalid" });
  const village = await db.village.findFirst({ where: { id: values.villageId, communeId: values.communeId }, select: { id: true } });
  if (!village) throw invalid("unknownVillage", {}, { villageId: "unknownVillage" });
  const invite = values.inviteCode ? await findUsableInvite(values.communeId, values.inviteCode, ip, now) : null;
  const codeId = await checkPhoneCode(phone, values.code, now);
  const passwordHash = await hashPassword(values.password);

  try {
    return await db.$transaction(async (tx) => {
      await consumePhoneCode(tx, codeId, now);
      const user = await tx.user.create({
        data: { name: values.name, displayName: values.displayName, phone, passwordHash, phoneVerifiedAt: now },
        select: { id: true },
      });

      let verified: { residentId: string; villageId: string; method: VerificationMethod; verifiedById: string | null } | null = null;
      if (invite) {
        await useInvite(tx, invite.id, now);
        verified = { residentId: invite.resident.id, villageId: invite.resident.villageId, method: "INVITE_CODE", verifiedById: invite.issuedById };
      } else {
        const match = await findListMatch(tx, values.communeId, { name: values.name, birthYear: values.birthYear, villageId: village.id });
        if (match.kind === "match") verified = { residentId: match.residentId, villageId: village.id, method: "LIST_MATCH", verifiedById: null };
      }

      const membership = await tx.membership.create({
        data: {
          userId: user.id,
          communeId: values.communeId,
          role: "RESIDENT",
          status: verified ? "VERIFIED" : "PENDING",
          villageId: verified?.villageId ?? village.id,
          residentId: verified?.residentId,
          verificationMethod: verified?.method,
          verifiedAt: verified ? now : null,
          verifiedById: verified?.verifiedById,
          claimedName: values.name,
          claimedBirthYear: values.birthYear,
        },
        select: { id: true, status: true },
      });
      await tx.consentRecord.create({
        data: { userId: user.id, communeId: values.communeId, purpose: "registration", textVersion: REGISTRATION_CONSENT_VERSION },
      });
      await appendAudit(tx, {
        communeId: values.communeId,
        actorId: user.id,
        actorRole: "RESIDENT",
        action: "resident.register",
        entityType: "Membership",
        entityId: membership.id,
        after: { nameKey: toSearchKey(values.name), villageId: village.id, birthYear: values.birthYear, residentId: verified?.residentId ?? null },
        details: { status: membership.status, method: verified?.method ?? null },
      });
      return { userId: user.id, phone, status: membership.status, method: verified?.method ?? null };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      if (JSON.stringify(error.meta ?? {}).includes("phone")) throw new AppError("phoneTaken", 409, {}, { phone: "phoneTaken" });
      throw new AppError("residentAlreadyRegistered", 409);
    }
    throw error;
  }
}
