import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";

/** The person on the commune's list behind a verified resident account. */
export async function loadResidentContext(access: CommuneAccess) {
  const membership = access.memberships.find((m) => m.role === "RESIDENT");
  if (!membership?.residentId) throw forbidden();
  const person = await db.resident.findFirst({
    where: { id: membership.residentId, communeId: access.communeId, isActive: true },
    select: { id: true, householdId: true, villageId: true, birthYear: true },
  });
  if (!person) throw forbidden();
  return person;
}

export type ResidentContext = Awaited<ReturnType<typeof loadResidentContext>>;
