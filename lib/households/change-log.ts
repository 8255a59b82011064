import "server-only";

// What every change to the list shares: one transaction whose Household and Resident writes take effect
// on the day named (the triggers keep the periods), a HouseholdChange row for the household's history
// (staff only: it names people), an audit event (codes and counts, never names), and Village.householdCount
// kept in step with the list as it stands today.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db, type Tx } from "@/lib/db";
import { invalid } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { HouseholdChangeKind } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";

import { checkEffectiveDay, dateOfDay, setListDay } from "./list-day";

export type ChangeInput = {
  kind: HouseholdChangeKind;
  householdId?: string | null;
  residentId?: string | null;
  villageId?: string | null;
  /** For the household's history (staff only). */
  details: Prisma.InputJsonValue;
  /** For the public audit log: codes and counts only. */
  audit?: Prisma.InputJsonValue;
};

export async function recordChange(tx: Tx, access: CommuneAccess, day: string, change: ChangeInput): Promise<void> {
  const row = await tx.householdChange.create({
    data: {
      communeId: access.communeId,
      kind: change.kind,
      effectiveOn: dateOfDay(day),
      householdId: change.householdId ?? null,
      residentId: change.residentId ?? null,
      villageId: change.villageId ?? null,
      details: change.details,
      recordedById: access.userId,
    },
    select: { id: true },
  });
  await appendAudit(tx, {
    communeId: access.communeId,
    actorId: access.userId,
    actorRole: access.actingRole,
    action: `households.${change.kind.toLowerCase()}`,
    entityType: "HouseholdChange",
    entityId: row.id,
    details: { effectiveOn: day, ...((change.audit ?? {}) as Record<string, Prisma.InputJsonValue>) },
  });
}

/** Village.householdCount is today's list, for pages that show it (counts of votes read the periods). */
export async function recountVillages(tx: Tx, communeId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Village" v SET "householdCount" = (SELECT count(*) FROM "Household" h WHERE h."villageId" = v.id AND h."isActive"), "updatedAt" = now()
    WHERE v."communeId" = ${communeId}`;
}

/**
 * Runs a change to the list in one transaction taking effect on `day` (checked: a day that has come).
 * The triggers refuse a day before the household's or person's last change; that refusal is turned
 * into a message here.
 */
export async function changeList<T>(access: CommuneAccess, effectiveOn: string, work: (tx: Tx, day: string) => Promise<T>, now = new Date()): Promise<T> {
  const day = checkEffectiveDay(effectiveOn, now);
  try {
    return await db.$transaction(async (tx) => {
      await setListDay(tx, day);
      const result = await work(tx, day);
      await recountVillages(tx, access.communeId);
      return result;
    });
  } catch (error) {
    if (error instanceof Error && /is before the (household|person)'s last change/.test(error.message)) {
      throw invalid("listDayBeforeLastChange", {}, { effectiveOn: "listDayBeforeLastChange" });
    }
    throw error;
  }
}

/** Keeps the representative a member: cleared when they leave the household (or the list). */
export async function dropRepresentativeIfLeaving(tx: Tx, residentIds: string[]): Promise<string[]> {
  if (residentIds.length === 0) return [];
  const households = await tx.household.findMany({ where: { representativeId: { in: residentIds } }, select: { id: true } });
  if (households.length > 0) await tx.household.updateMany({ where: { id: { in: households.map((h) => h.id) } }, data: { representativeId: null } });
  return households.map((h) => h.id);
}

/** A household left with nobody on the list is gone from the list too, on the same day. */
export async function closeEmptyHouseholds(tx: Tx, communeId: string, householdIds: string[]): Promise<string[]> {
  if (householdIds.length === 0) return [];
  const empty = await tx.household.findMany({
    where: { communeId, id: { in: householdIds }, isActive: true, members: { none: { isActive: true } } },
    select: { id: true },
  });
  if (empty.length > 0) await tx.household.updateMany({ where: { id: { in: empty.map((h) => h.id) } }, data: { isActive: false } });
  return empty.map((h) => h.id);
}
