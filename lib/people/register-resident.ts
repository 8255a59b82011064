import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError, invalid } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/oversight/audit";
import { consumeRateLimit } from "@/lib/rate-limit";
import { toSearchKey } from "@/lib/text/search-key";

import { normalizePhone } from "./phone";
import { REGISTRATION_CONSENT_VERSION, type RegistrationValues } from "./schemas";

/**
 * A resident registers with a phone number. The account starts as a pending membership of the commune:
 * staff verify it against the household list before the resident can take part.
 */
export async function registerResident(values: RegistrationValues, ip: string) {
  await consumeRateLimit("register", ip);
  const phone = normalizePhone(values.phone);
  if (!phone) throw invalid("phoneInvalid", {}, { phone: "phoneInvalid" });
  const village = await db.village.findFirst({
    where: { id: values.villageId, communeId: values.communeId },
    select: { id: true },
  });
  if (!village) throw invalid("unknownVillage", {}, { villageId: "unknownVillage" });
  const passwordHash = await hashPassword(values.password);

  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: values.name, displayName: values.displayName, phone, passwordHash },
        select: { id: true },
      });
      const membership = await tx.membership.create({
        data: {
          userId: user.id,
          communeId: values.communeId,
          role: "RESIDENT",
          status: "PENDING",
          villageId: village.id,
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
        after: { nameKey: toSearchKey(values.name), villageId: village.id, birthYear: values.birthYear },
      });
      return { userId: user.id, phone, status: membership.status };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("phoneTaken", 409, {}, { phone: "phoneTaken" });
    }
    throw error;
  }
}
