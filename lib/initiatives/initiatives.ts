// Citizens' initiatives (Law 10/2022 Art. 16.3). One signature per household (a unique key, not a
// check in code alone), online by a verified resident for their own household or from a paper sheet
// entered by staff or the village head. When the valid signatures (3 months, rules.ts) reach 10% of the
// village's households, the initiative is marked reached, once, and the village's heads are told in
// their inbox that they must put it to the village.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { toVnDate } from "@/lib/consultations/periods";
import { dateColumnToIso, isoToDateColumn } from "@/lib/disclosure/broadcast-days";
import { assertOwnVillage } from "@/lib/contributions/roles";
import { db, type Tx } from "@/lib/db";
import { AppError, conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/notify";
import { appendAudit } from "@/lib/oversight/audit";
import { residentIdOf } from "@/lib/participation/ballot-scope";

import { initiativeCount, INITIATIVE_PERCENT } from "./rules";
import type { PaperValues, ProposeValues, RecordPutValues } from "./schemas";

const isDuplicate = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

async function householdOfResident(access: CommuneAccess) {
  const resident = await db.resident.findFirst({ where: { id: residentIdOf(access), communeId: access.communeId, isActive: true }, select: { id: true, household: { select: { id: true, villageId: true, isActive: true } } } });
  if (!resident?.household?.isActive) throw forbidden();
  return { residentId: resident.id, householdId: resident.household.id, villageId: resident.household.villageId };
}

const villageHouseholds = (client: Tx | typeof db, villageId: string) => client.household.count({ where: { villageId, isActive: true } });

/** Counts the valid signatures now; marks the initiative reached and tells the village heads, once. */
async function countAndTell(tx: Tx, communeId: string, initiative: { id: string; villageId: string; title: string }, now: Date) {
  await tx.$queryRaw`SELECT id FROM "Initiative" WHERE id = ${initiative.id} FOR UPDATE`;
  const [signatures, households, current] = await Promise.all([
    tx.initiativeSignature.findMany({ where: { initiativeId: initiative.id }, select: { signedOn: true } }),
    villageHouseholds(tx, initiative.villageId),
    tx.initiative.findUniqueOrThrow({ where: { id: initiative.id }, select: { reachedAt: true } }),
  ]);
  const count = initiativeCount(signatures.map((s) => dateColumnToIso(s.signedOn)), households, toVnDate(now));
  if (count.reached && !current.reachedAt) {
    await tx.initiative.update({ where: { id: initiative.id }, data: { reachedAt: now } });
    const commune = await tx.commune.findUniqueOrThrow({ where: { id: communeId }, select: { slug: true } });
    const heads = await tx.membership.findMany({ where: { communeId, role: "VILLAGE_HEAD", status: "VERIFIED", villageId: initiative.villageId }, select: { userId: true } });
    for (const h of heads) {
      await notify(tx, { communeId, userId: h.userId, kind: "initiativeReached", params: { title: initiative.title, valid: count.valid, needed: count.needed, households, percent: INITIATIVE_PERCENT }, link: `/${commune.slug}/initiatives#initiative-${initiative.id}` });
    }
  }
  return { ...count, reachedNow: count.reached && !current.reachedAt };
}

export async function proposeInitiative(access: CommuneAccess, values: ProposeValues, now = new Date()) {
  const me = await householdOfResident(access);
  return db.$transaction(async (tx) => {
    const initiative = await tx.initiative.create({ data: { communeId: access.communeId, villageId: me.villageId, title: values.matter, body: values.description, proposedById: access.userId }, select: { id: true, villageId: true, title: true } });
    await tx.initiativeSignature.create({ data: { communeId: access.communeId, initiativeId: initiative.id, householdId: me.householdId, residentId: me.residentId, signedOn: isoToDateColumn(toVnDate(now)), enteredById: access.userId } });
    const count = await countAndTell(tx, access.communeId, initiative, now);
    await appendAudit(tx, { communeId: access.communeId, actorId: access.userId, actorRole: access.actingRole, action: "initiative.propose", entityType: "Initiative", entityId: initiative.id, after: { title: values.matter, villageId: me.villageId }, details: { valid: count.valid, needed: count.needed } });
    return { id: initiative.id, ...count };
  });
}

async function addSignature(access: CommuneAccess, initiativeId: string, household: { householdId: string; villageId: string; residentId: string | null }, signedOn: string, onPaper: boolean, now: Date) {
  const initiative = await db.initiative.findFirst({ where: { id: initiativeId, communeId: access.communeId }, select: { id: true, villageId: true, title: true, putOn: true } });
  if (!initiative) throw notFound("initiativeNotFound");
  // Art. 16.3: the households of the village propose to their own village.
  if (household.villageId !== initiative.villageId) throw new AppError("initiativeOtherVillage", 403);
  if (initiative.putOn) throw conflict("initiativeAlreadyPut");
  return db
    .$transaction(async (tx) => {
      await tx.initiativeSignature.create({ data: { communeId: access.communeId, initiativeId: initiative.id, householdId: household.householdId, residentId: household.residentId, signedOn: isoToDateColumn(signedOn), onPaper, enteredById: access.userId } });
      const count = await countAndTell(tx, access.communeId, initiative, now);
      await appendAudit(tx, { communeId: access.communeId, actorId: access.userId, actorRole: access.actingRole, action: count.reachedNow ? "initiative.sign.reached" : "initiative.sign", entityType: "Initiative", entityId: initiative.id, after: { householdId: household.householdId, onPaper, signedOn }, details: { valid: count.valid, needed: count.needed } });
      return count;
    })
    .catch((e: unknown) => {
      if (isDuplicate(e)) throw conflict("initiativeAlreadySigned");
      throw e;
    });
}

/** A verified resident signs for their household. */
export async function signInitiative(access: CommuneAccess, initiativeId: string, now = new Date()) {
  const me = await householdOfResident(access);
  return addSignature(access, initiativeId, me, toVnDate(now), false, now);
}

/** Staff or the village head (own village) enter a signature from a paper sheet, with its date. */
export async function enterPaperInitiativeSignature(access: CommuneAccess, values: PaperValues, now = new Date()) {
  if (values.signedOn > toVnDate(now)) throw invalid("initiativeDateInFuture", {}, { signedOn: "initiativeDateInFuture" });
  const household = await db.household.findFirst({ where: { communeId: access.communeId, code: values.householdCode.trim().toUpperCase(), isActive: true }, select: { id: true, villageId: true } });
  if (!household) throw invalid("householdNotFound", {}, { householdCode: "householdNotFound" });
  assertOwnVillage(access, household.villageId);
  return addSignature(access, values.initiativeId, { householdId: household.id, villageId: household.villageId, residentId: null }, values.signedOn, true, now);
}

/** The village head records that the matter was put to the village: the date and the meeting. */
export async function recordPutToVillage(access: CommuneAccess, values: RecordPutValues, now = new Date()) {
  const initiative = await db.initiative.findFirst({ where: { id: values.initiativeId, communeId: access.communeId }, select: { id: true, villageId: true, putOn: true, createdAt: true } });
  if (!initiative) throw notFound("initiativeNotFound");
  assertOwnVillage(access, initiative.villageId);
  if (initiative.putOn) throw conflict("initiativeAlreadyPut");
  if (values.putOn > toVnDate(now)) throw invalid("initiativeDateInFuture", {}, { putOn: "initiativeDateInFuture" });
  if (values.putOn < toVnDate(initiative.createdAt)) throw invalid("initiativePutBeforeProposal", {}, { putOn: "initiativePutBeforeProposal" });
  return db.$transaction(async (tx) => {
    await tx.initiative.update({ where: { id: initiative.id }, data: { putOn: isoToDateColumn(values.putOn), putMeeting: values.meeting, putRecordedById: access.userId } });
    await appendAudit(tx, { communeId: access.communeId, actorId: access.userId, actorRole: access.actingRole, action: "initiative.put", entityType: "Initiative", entityId: initiative.id, after: { putOn: values.putOn, meeting: values.meeting } });
    return { id: initiative.id };
  });
}

/** Every initiative of the commune with its count against the threshold today. */
export async function listInitiatives(communeId: string, now = new Date()) {
  const rows = await db.initiative.findMany({
    where: { communeId },
    orderBy: { createdAt: "desc" },
    select: { id: true, villageId: true, title: true, body: true, createdAt: true, reachedAt: true, putOn: true, putMeeting: true, signatures: { select: { signedOn: true, householdId: true } } },
  });
  const villageIds = [...new Set(rows.map((r) => r.villageId))];
  const [villages, counts] = await Promise.all([
    db.village.findMany({ where: { id: { in: villageIds } }, select: { id: true, name: true } }),
    db.household.groupBy({ by: ["villageId"], where: { communeId, isActive: true, villageId: { in: villageIds } }, _count: { _all: true } }),
  ]);
  const today = toVnDate(now);
  return rows.map(({ signatures, ...r }) => ({
    ...r,
    village: villages.find((v) => v.id === r.villageId)?.name ?? "",
    signedHouseholds: new Set(signatures.map((s) => s.householdId)),
    count: initiativeCount(signatures.map((s) => dateColumnToIso(s.signedOn)), counts.find((c) => c.villageId === r.villageId)?._count._all ?? 0, today),
  }));
}
