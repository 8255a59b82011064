import "server-only";

// A resident sees which household and village the list has them in, and may ask staff to correct it
// (Law 91/2025 and Decree 356/2025: a person may ask for their data to be corrected). Staff answer in
// writing; the resident reads the answer on their account page. Staff make the correction itself
// with the list's own changes (change-household.ts), each with its day.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";

/** At most this many requests waiting for an answer per person. */
export const MAX_OPEN_CORRECTIONS = 3;

function residentOf(access: CommuneAccess): string {
  const m = access.memberships.find((x) => x.role === "RESIDENT" && x.residentId);
  if (!m?.residentId) throw forbidden();
  return m.residentId;
}

export async function requestCorrection(access: CommuneAccess, input: { body: string }) {
  const residentId = residentOf(access);
  const body = input.body.trim();
  if (body.length < 5) throw invalid("correctionTooShort", {}, { body: "correctionTooShort" });
  return db.$transaction(async (tx) => {
    const person = await tx.resident.findFirst({ where: { id: residentId, communeId: access.communeId }, select: { id: true, householdId: true, villageId: true } });
    if (!person) throw notFound("residentNotFound");
    const open = await tx.householdCorrection.count({ where: { communeId: access.communeId, userId: access.userId, status: "OPEN" } });
    if (open >= MAX_OPEN_CORRECTIONS) throw conflict("tooManyOpenCorrections", { max: MAX_OPEN_CORRECTIONS });
    const row = await tx.householdCorrection.create({
      data: { communeId: access.communeId, userId: access.userId, residentId: person.id, householdId: person.householdId, villageId: person.villageId, body },
      select: { id: true },
    });
    await appendAudit(tx, { communeId: access.communeId, actorId: access.userId, actorRole: access.actingRole, action: "households.correction.request", entityType: "HouseholdCorrection", entityId: row.id });
    return { correctionId: row.id };
  });
}

export async function answerCorrection(access: CommuneAccess, input: { correctionId: string; answer: string }) {
  const answer = input.answer.trim();
  if (answer.length < 2) throw invalid("correctionAnswerRequired", {}, { answer: "correctionAnswerRequired" });
  return db.$transaction(async (tx) => {
    const row = await tx.householdCorrection.findFirst({ where: { id: input.correctionId, communeId: access.communeId }, select: { id: true, status: true } });
    if (!row) throw notFound("correctionNotFound");
    if (row.status !== "OPEN") throw conflict("correctionAlreadyAnswered");
    await tx.householdCorrection.update({ where: { id: row.id }, data: { status: "ANSWERED", answer, answeredById: access.userId, answeredAt: new Date() } });
    await appendAudit(tx, { communeId: access.communeId, actorId: access.userId, actorRole: access.actingRole, action: "households.correction.answer", entityType: "HouseholdCorrection", entityId: row.id });
    return { correctionId: row.id };
  });
}

/** Staff's list: open requests first, with the person, household and village. */
export async function listCorrections(communeId: string) {
  const rows = await db.householdCorrection.findMany({
    where: { communeId },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    take: 200,
    select: { id: true, body: true, status: true, answer: true, answeredAt: true, createdAt: true, residentId: true, householdId: true, villageId: true },
  });
  const [people, households, villages] = await Promise.all([
    db.resident.findMany({ where: { id: { in: rows.map((r) => r.residentId) } }, select: { id: true, fullName: true } }),
    db.household.findMany({ where: { id: { in: rows.map((r) => r.householdId) } }, select: { id: true, code: true } }),
    db.village.findMany({ where: { id: { in: rows.map((r) => r.villageId) } }, select: { id: true, name: true } }),
  ]);
  const name = new Map(people.map((p) => [p.id, p.fullName]));
  const code = new Map(households.map((h) => [h.id, h.code]));
  const village = new Map(villages.map((v) => [v.id, v.name]));
  return rows.map((r) => ({ ...r, fullName: name.get(r.residentId) ?? "—", householdCode: code.get(r.householdId) ?? "—", villageName: village.get(r.villageId) ?? "—" }));
}

/** A resident's own household and village on the list, their household's members, and their requests. */
export async function getMyHousehold(userId: string, communeId: string) {
  const membership = await db.membership.findFirst({ where: { userId, communeId, role: "RESIDENT", residentId: { not: null } }, select: { residentId: true } });
  if (!membership?.residentId) return null;
  const person = await db.resident.findFirst({
    where: { id: membership.residentId, communeId },
    select: {
      isActive: true,
      household: { select: { code: true, address: true, isActive: true, representative: { select: { fullName: true } }, members: { where: { isActive: true }, select: { fullName: true, birthYear: true }, orderBy: { fullName: "asc" } } } },
      village: { select: { name: true } },
    },
  });
  if (!person) return null;
  const requests = await db.householdCorrection.findMany({
    where: { communeId, userId },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, body: true, status: true, answer: true, createdAt: true, answeredAt: true },
  });
  return { ...person, requests };
}
