// What every staff record of online deciding checks first: the consultation is this commune's, an
// Art. 15.6 matter (Decree 59/2023 Art. 5: the only matter a web vote may decide), the village is in
// its scope, and a village head acts only for their own village.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { assertMayEnterFor } from "@/lib/participation/ballot-scope";
import { isVillageInScope } from "@/lib/participation/eligibility";

export const ONLINE_CATEGORY = "DECISION_OTHER_SELF_MANAGEMENT";

export async function loadOnlineConsultation(communeId: string, consultationId: string) {
  const c = await db.consultation.findFirst({
    where: { id: consultationId, communeId, status: { notIn: ["DRAFT", "SCHEDULED"] } },
    select: { id: true, title: true, legalCategory: true, status: true, isCommuneWide: true, commentStartsAt: true, commentEndsAt: true, closedAt: true, villages: { select: { villageId: true } } },
  });
  if (!c) throw notFound("consultationNotFound");
  // Decree 59/2023 Art. 5: online deciding is for "other self-management matters" (Law 10/2022 Art. 15.6) only.
  if (c.legalCategory !== ONLINE_CATEGORY) throw new AppError("onlineNotThisMatter", 422);
  return { ...c, villageIds: c.villages.map((v) => v.villageId) };
}

/** The consultation and village a staff record is about, checked; throws 404/403/422. */
export async function loadVillageFor(access: CommuneAccess, consultationId: string, villageId: string) {
  const consultation = await loadOnlineConsultation(access.communeId, consultationId);
  const village = await db.village.findFirst({ where: { id: villageId, communeId: access.communeId }, select: { id: true, name: true } });
  if (!village || !isVillageInScope(consultation, village.id)) throw notFound("unknownVillage");
  assertMayEnterFor(access, village.id);
  return { consultation, village };
}

/**
 * The conditions are settled before the result: once the vote has closed, what allowed web votes to
 * decide can no longer be changed (only the day the minutes were sent is recorded afterwards).
 */
export function assertVoteNotClosed(c: { status: string; commentEndsAt: Date | null }, now: Date): void {
  if (c.status !== "PUBLISHED" || (c.commentEndsAt !== null && c.commentEndsAt < now)) throw new AppError("onlineStepsClosed", 409);
}

/** The village's record, made on first use. */
export async function villageRecord(tx: Tx, communeId: string, consultationId: string, villageId: string) {
  return tx.onlineDeciding.upsert({
    where: { consultationId_villageId: { consultationId, villageId } },
    create: { communeId, consultationId, villageId },
    update: {},
    select: { id: true, agreedOn: true, villageHeadName: true, frontCommitteeName: true, notifiedOn: true, minutesSentOn: true },
  });
}
