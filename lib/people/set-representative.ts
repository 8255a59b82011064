import "server-only";

import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";

/**
 * Marks the household's representative (đại diện hộ gia đình), who casts the household's vote. One per
 * household and a member of it: the column holds one person, and a database key refuses anyone who is
 * not a member.
 */
export async function setRepresentative(access: CommuneAccess, input: { householdId: string; residentId: string }) {
  return db.$transaction(async (tx) => {
    const household = await tx.household.findFirst({
      where: { id: input.householdId, communeId: access.communeId },
      select: { id: true, code: true, representativeId: true },
    });
    if (!household) throw notFound("householdNotFound");
    const member = await tx.resident.findFirst({
      where: { id: input.residentId, communeId: access.communeId, householdId: household.id, isActive: true },
      select: { id: true },
    });
    if (!member) throw invalid("notHouseholdMember");
    if (household.representativeId === member.id) return { householdId: household.id, representativeId: member.id, changed: false };
    await tx.household.update({ where: { id: household.id }, data: { representativeId: member.id } });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "household.representative",
      entityType: "Household",
      entityId: household.id,
      before: { representativeId: household.representativeId },
      after: { representativeId: member.id },
      details: { code: household.code },
    });
    return { householdId: household.id, representativeId: member.id, changed: true };
  });
}
