import "server-only";

// Staff's changes to one household on the list (Law 10/2022 Art. 21.1 counts households, so the list
// must follow life): its address and representative, a person moving to another household (in any
// village), the household moving village, a household split in two, a death or a move away. Nobody is
// deleted: a person or household leaving is marked off the list from a day, and every change keeps its
// day, so the list can be read as it stood on any day (count-as-of.ts).
import type { CommuneAccess } from "@/lib/auth/authorize";
import type { Tx } from "@/lib/db";
import { conflict, invalid, notFound } from "@/lib/errors";

import { changeList, closeEmptyHouseholds, dropRepresentativeIfLeaving, recordChange } from "./change-log";

async function householdOrThrow(tx: Tx, communeId: string, id: string) {
  const h = await tx.household.findFirst({
    where: { id, communeId },
    select: { id: true, code: true, address: true, villageId: true, isActive: true, representativeId: true, village: { select: { name: true } } },
  });
  if (!h) throw notFound("householdNotFound");
  if (!h.isActive) throw invalid("householdNotOnList");
  return h;
}

async function personOrThrow(tx: Tx, communeId: string, id: string) {
  const r = await tx.resident.findFirst({ where: { id, communeId }, select: { id: true, fullName: true, nameKey: true, birthYear: true, householdId: true, villageId: true, isActive: true } });
  if (!r) throw notFound("residentNotFound");
  if (!r.isActive) throw invalid("personNotOnList");
  return r;
}

async function openVillageOrThrow(tx: Tx, communeId: string, id: string) {
  const v = await tx.village.findFirst({ where: { id, communeId }, select: { id: true, name: true, retiredOn: true } });
  if (!v) throw notFound("villageNotFound");
  if (v.retiredOn) throw invalid("villageRetired", { village: v.name });
  return v;
}

/** The address and the representative (a member on the list), from a day. */
export async function editHousehold(access: CommuneAccess, input: { householdId: string; address: string | null; representativeId: string | null; effectiveOn: string }, now = new Date()) {
  return changeList(access, input.effectiveOn, async (tx, day) => {
    const h = await householdOrThrow(tx, access.communeId, input.householdId);
    let changed = 0;
    const address = input.address?.trim() || null;
    if (address !== h.address) {
      await tx.household.update({ where: { id: h.id }, data: { address } });
      await recordChange(tx, access, day, { kind: "ADDRESS", householdId: h.id, villageId: h.villageId, details: { code: h.code, before: h.address, after: address }, audit: { code: h.code } });
      changed++;
    }
    if (input.representativeId && input.representativeId !== h.representativeId) {
      const rep = await tx.resident.findFirst({ where: { id: input.representativeId, communeId: access.communeId, householdId: h.id, isActive: true }, select: { id: true, fullName: true } });
      if (!rep) throw invalid("notHouseholdMember");
      await tx.household.update({ where: { id: h.id }, data: { representativeId: rep.id } });
      await recordChange(tx, access, day, { kind: "REPRESENTATIVE", householdId: h.id, residentId: rep.id, villageId: h.villageId, details: { code: h.code, name: rep.fullName }, audit: { code: h.code } });
      changed++;
    }
    return { householdId: h.id, changed };
  }, now);
}

/** A person joins another household on the list (by its code), in whatever village it is. */
export async function movePerson(access: CommuneAccess, input: { residentId: string; toHouseholdCode: string; effectiveOn: string }, now = new Date()) {
  return changeList(access, input.effectiveOn, async (tx, day) => {
    const person = await personOrThrow(tx, access.communeId, input.residentId);
    const to = await tx.household.findFirst({ where: { communeId: access.communeId, code: input.toHouseholdCode.trim() }, select: { id: true, code: true, villageId: true, isActive: true } });
    if (!to) throw invalid("householdCodeUnknown", { code: input.toHouseholdCode.trim() }, { toHouseholdCode: "householdCodeUnknown" });
    if (!to.isActive) throw invalid("householdNotOnList");
    if (to.id === person.householdId) throw invalid("alreadyInHousehold");
    const twin = await tx.resident.findFirst({ where: { communeId: access.communeId, householdId: to.id, nameKey: person.nameKey, birthYear: person.birthYear }, select: { id: true } });
    if (twin) throw conflict("samePersonInHousehold", { code: to.code });
    const from = await tx.household.findUniqueOrThrow({ where: { id: person.householdId }, select: { id: true, code: true } });
    await dropRepresentativeIfLeaving(tx, [person.id]);
    await tx.resident.update({ where: { id: person.id }, data: { householdId: to.id, villageId: to.villageId } });
    const emptied = await closeEmptyHouseholds(tx, access.communeId, [from.id]);
    await recordChange(tx, access, day, {
      kind: "PERSON_MOVED",
      householdId: from.id,
      residentId: person.id,
      villageId: to.villageId,
      details: { name: person.fullName, from: from.code, to: to.code, fromVillageId: person.villageId, toVillageId: to.villageId, emptied: emptied.length > 0 },
      audit: { from: from.code, to: to.code },
    });
    return { residentId: person.id, householdId: to.id };
  }, now);
}

/** The household, with everyone on the list in it, moves to another village of the commune. */
export async function moveHousehold(access: CommuneAccess, input: { householdId: string; villageId: string; effectiveOn: string }, now = new Date()) {
  return changeList(access, input.effectiveOn, async (tx, day) => {
    const h = await householdOrThrow(tx, access.communeId, input.householdId);
    const village = await openVillageOrThrow(tx, access.communeId, input.villageId);
    if (village.id === h.villageId) throw invalid("alreadyInVillage");
    await tx.household.update({ where: { id: h.id }, data: { villageId: village.id } });
    const moved = await tx.resident.updateMany({ where: { householdId: h.id, isActive: true }, data: { villageId: village.id } });
    await recordChange(tx, access, day, {
      kind: "HOUSEHOLD_MOVED",
      householdId: h.id,
      villageId: village.id,
      details: { code: h.code, from: h.village.name, to: village.name, people: moved.count },
      audit: { code: h.code, people: moved.count },
    });
    return { householdId: h.id, villageId: village.id };
  }, now);
}

/**
 * Some members leave to form a household of their own (tách hộ), with a new code, in the same village.
 * At least one member stays; the representative of either household stays one of its members.
 */
export async function splitHousehold(
  access: CommuneAccess,
  input: { householdId: string; residentIds: string[]; newCode: string; address: string | null; representativeId: string | null; effectiveOn: string },
  now = new Date(),
) {
  return changeList(access, input.effectiveOn, async (tx, day) => {
    const h = await householdOrThrow(tx, access.communeId, input.householdId);
    const members = await tx.resident.findMany({ where: { householdId: h.id, isActive: true }, select: { id: true, fullName: true } });
    const leaving = members.filter((m) => input.residentIds.includes(m.id));
    if (leaving.length === 0 || leaving.length !== new Set(input.residentIds).size) throw invalid("splitChooseMembers", {}, { residentIds: "splitChooseMembers" });
    if (leaving.length === members.length) throw invalid("splitSomeoneStays", {}, { residentIds: "splitSomeoneStays" });
    const code = input.newCode.trim();
    if (await tx.household.findFirst({ where: { communeId: access.communeId, code }, select: { id: true } })) {
      throw conflict("householdCodeTaken", { code }, );
    }
    if (input.representativeId && !leaving.some((m) => m.id === input.representativeId)) throw invalid("notHouseholdMember");
    const created = await tx.household.create({
      data: { communeId: access.communeId, villageId: h.villageId, code, address: input.address?.trim() || h.address },
      select: { id: true },
    });
    const ids = leaving.map((m) => m.id);
    await dropRepresentativeIfLeaving(tx, ids);
    await tx.resident.updateMany({ where: { id: { in: ids } }, data: { householdId: created.id } });
    if (input.representativeId) await tx.household.update({ where: { id: created.id }, data: { representativeId: input.representativeId } });
    await recordChange(tx, access, day, {
      kind: "SPLIT",
      householdId: h.id,
      villageId: h.villageId,
      details: { from: h.code, to: code, names: leaving.map((m) => m.fullName) },
      audit: { from: h.code, to: code, people: leaving.length },
    });
    await recordChange(tx, access, day, {
      kind: "SPLIT",
      householdId: created.id,
      villageId: h.villageId,
      details: { from: h.code, to: code, names: leaving.map((m) => m.fullName) },
    });
    return { householdId: created.id };
  }, now);
}

export type GoneReason = "DIED" | "MOVED_AWAY";

/** A person dies or moves away: off the list from that day; the household goes when nobody is left. */
export async function markPersonGone(access: CommuneAccess, input: { residentId: string; reason: GoneReason; effectiveOn: string }, now = new Date()) {
  return changeList(access, input.effectiveOn, async (tx, day) => {
    const person = await personOrThrow(tx, access.communeId, input.residentId);
    const household = await tx.household.findUniqueOrThrow({ where: { id: person.householdId }, select: { code: true } });
    await dropRepresentativeIfLeaving(tx, [person.id]);
    await tx.resident.update({ where: { id: person.id }, data: { isActive: false } });
    const emptied = await closeEmptyHouseholds(tx, access.communeId, [person.householdId]);
    await recordChange(tx, access, day, {
      kind: input.reason,
      householdId: person.householdId,
      residentId: person.id,
      villageId: person.villageId,
      details: { name: person.fullName, code: household.code, householdGone: emptied.length > 0 },
      audit: { code: household.code, householdGone: emptied.length > 0 },
    });
    return { residentId: person.id, householdGone: emptied.length > 0 };
  }, now);
}

/** The whole household moves away from the commune: it and everyone in it are off the list from that day. */
export async function markHouseholdMovedAway(access: CommuneAccess, input: { householdId: string; effectiveOn: string }, now = new Date()) {
  return changeList(access, input.effectiveOn, async (tx, day) => {
    const h = await householdOrThrow(tx, access.communeId, input.householdId);
    const members = await tx.resident.findMany({ where: { householdId: h.id, isActive: true }, select: { id: true } });
    await dropRepresentativeIfLeaving(tx, members.map((m) => m.id));
    await tx.resident.updateMany({ where: { householdId: h.id, isActive: true }, data: { isActive: false } });
    await tx.household.update({ where: { id: h.id }, data: { isActive: false } });
    await recordChange(tx, access, day, {
      kind: "MOVED_AWAY",
      householdId: h.id,
      villageId: h.villageId,
      details: { code: h.code, people: members.length, wholeHousehold: true },
      audit: { code: h.code, people: members.length },
    });
    return { householdId: h.id };
  }, now);
}
