import "server-only";

// Villages merging and splitting (sáp nhập, chia tách thôn / tổ dân phố), as the 2025 reorganisation
// merged communes and their villages. The households on the list, with everyone in them, move to the
// village they belong to from that day; the periods keep where they were before, so a count of any day
// before the change still finds them in their old village. A merged village is kept (retired from the
// day), never deleted: closed results name the villages they were counted in (ClosedVillageCount).
// While a vote covering one of the villages is open, the villages cannot change: the households of the
// vote would move under it.
import type { CommuneAccess } from "@/lib/auth/authorize";
import type { Tx } from "@/lib/db";
import { conflict, invalid } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

import { changeList, recordChange } from "./change-log";
import { dateOfDay } from "./list-day";

async function openVillages(tx: Tx, communeId: string, ids: string[]) {
  const villages = await tx.village.findMany({ where: { communeId, id: { in: ids } }, select: { id: true, name: true, retiredOn: true, boundary: true } });
  if (villages.length !== new Set(ids).size) throw invalid("villageNotFound");
  const retired = villages.find((v) => v.retiredOn);
  if (retired) throw invalid("villageRetired", { village: retired.name });
  return villages;
}

/** Refuses while a ballot covering any of these villages is still open for voting. */
async function assertNoOpenVote(tx: Tx, communeId: string, villageIds: string[], now: Date) {
  const open = await tx.consultation.findFirst({
    where: {
      communeId,
      status: "PUBLISHED",
      OR: [{ commentEndsAt: null }, { commentEndsAt: { gt: now } }],
      questions: { some: {} },
      AND: [{ OR: [{ isCommuneWide: true }, { villages: { some: { villageId: { in: villageIds } } } }] }],
    },
    select: { title: true },
  });
  if (open) throw conflict("villagesInOpenVote", { title: open.title });
}

async function assertNameFree(tx: Tx, communeId: string, name: string) {
  if (await tx.village.findFirst({ where: { communeId, name }, select: { id: true } })) throw conflict("villageNameTaken", { name });
}

/** The boundaries put together as one MultiPolygon (null when none of them has one). */
function unionOf(boundaries: unknown[]): Prisma.InputJsonValue | undefined {
  const polygons: unknown[] = [];
  for (const b of boundaries) {
    const g = b as { type?: string; coordinates?: unknown[] } | null;
    if (g?.type === "Polygon") polygons.push(g.coordinates);
    else if (g?.type === "MultiPolygon") polygons.push(...(g.coordinates ?? []));
  }
  return polygons.length > 0 ? ({ type: "MultiPolygon", coordinates: polygons } as Prisma.InputJsonValue) : undefined;
}

async function moveHouseholdsTo(tx: Tx, communeId: string, where: Prisma.HouseholdWhereInput, villageId: string): Promise<{ households: number; people: number }> {
  const households = await tx.household.findMany({ where: { communeId, isActive: true, ...where }, select: { id: true } });
  const ids = households.map((h) => h.id);
  if (ids.length === 0) return { households: 0, people: 0 };
  await tx.household.updateMany({ where: { id: { in: ids } }, data: { villageId } });
  const people = await tx.resident.updateMany({ where: { householdId: { in: ids }, isActive: true }, data: { villageId } });
  return { households: ids.length, people: people.count };
}

/**
 * Villages merge into one: either into one of them (which keeps its name) or into a new village with
 * a new name. The others are retired from that day.
 */
export async function mergeVillages(
  access: CommuneAccess,
  input: { villageIds: string[]; intoVillageId: string | null; newName: string | null; effectiveOn: string },
  now = new Date(),
) {
  return changeList(access, input.effectiveOn, async (tx, day) => {
    const ids = [...new Set([...input.villageIds, ...(input.intoVillageId ? [input.intoVillageId] : [])])];
    if (ids.length < 2) throw invalid("mergeNeedsTwo", {}, { villageIds: "mergeNeedsTwo" });
    const villages = await openVillages(tx, access.communeId, ids);
    await assertNoOpenVote(tx, access.communeId, ids, now);
    let target: { id: string; name: string };
    if (input.intoVillageId) {
      target = villages.find((v) => v.id === input.intoVillageId)!;
    } else {
      const name = input.newName?.trim() ?? "";
      if (name.length < 2) throw invalid("villageNameRequired", {}, { newName: "villageNameRequired" });
      await assertNameFree(tx, access.communeId, name);
      target = await tx.village.create({
        data: { communeId: access.communeId, name, establishedOn: dateOfDay(day), boundary: unionOf(villages.map((v) => v.boundary)) },
        select: { id: true, name: true },
      });
    }
    const sources = villages.filter((v) => v.id !== target.id);
    const moved = await moveHouseholdsTo(tx, access.communeId, { villageId: { in: sources.map((v) => v.id) } }, target.id);
    await tx.village.updateMany({ where: { id: { in: sources.map((v) => v.id) } }, data: { retiredOn: dateOfDay(day) } });
    await recordChange(tx, access, day, {
      kind: "VILLAGES_MERGED",
      villageId: target.id,
      details: { into: target.name, from: sources.map((v) => v.name), ...moved },
      audit: { into: target.name, from: sources.map((v) => v.name), ...moved },
    });
    return { villageId: target.id, ...moved };
  }, now);
}

/** Some households of a village form a new village from that day; the rest stay where they are. */
export async function splitVillage(access: CommuneAccess, input: { villageId: string; newName: string; householdCodes: string[]; effectiveOn: string }, now = new Date()) {
  return changeList(access, input.effectiveOn, async (tx, day) => {
    const [village] = await openVillages(tx, access.communeId, [input.villageId]);
    await assertNoOpenVote(tx, access.communeId, [village!.id], now);
    const name = input.newName.trim();
    if (name.length < 2) throw invalid("villageNameRequired", {}, { newName: "villageNameRequired" });
    await assertNameFree(tx, access.communeId, name);
    const codes = [...new Set(input.householdCodes.map((c) => c.trim()).filter(Boolean))];
    const chosen = await tx.household.findMany({ where: { communeId: access.communeId, villageId: village!.id, isActive: true, code: { in: codes } }, select: { id: true } });
    const all = await tx.household.count({ where: { communeId: access.communeId, villageId: village!.id, isActive: true } });
    if (chosen.length === 0 || chosen.length !== codes.length) throw invalid("splitVillageChoose", {}, { householdCodes: "splitVillageChoose" });
    if (chosen.length === all) throw invalid("splitVillageSomeoneStays", {}, { householdCodes: "splitVillageSomeoneStays" });
    const created = await tx.village.create({ data: { communeId: access.communeId, name, establishedOn: dateOfDay(day) }, select: { id: true, name: true } });
    const moved = await moveHouseholdsTo(tx, access.communeId, { id: { in: chosen.map((h) => h.id) } }, created.id);
    await recordChange(tx, access, day, {
      kind: "VILLAGE_SPLIT",
      villageId: created.id,
      details: { from: village!.name, to: name, ...moved },
      audit: { from: village!.name, to: name, ...moved },
    });
    return { villageId: created.id, ...moved };
  }, now);
}
