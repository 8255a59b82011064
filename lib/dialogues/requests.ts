// Residents ask for a dialogue conference (Law 72/2025 Art. 43: when at least 10% of the commune's
// voters ask). One signature per person on the commune's list: a verified resident signs online for
// the person their account is matched to; staff enter a paper signature for a person on the list. The
// database refuses a second signature of the same person (unique requestId + residentId), so two
// clicks or a paper sheet after an online signature cannot count twice.
//
// Voters are counted as the active residents on the commune's list who are 18 this year or older (the
// list keeps only the year of birth). When a signature brings the count to 10% of them (rounded up),
// the request is marked reached, once, and staff and the Front are told in their inbox that a
// conference is due.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { FRONT_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import { db, type Tx } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/notify";
import { appendAudit } from "@/lib/oversight/audit";
import { residentIdOf } from "@/lib/participation/ballot-scope";
import { VOTING_AGE } from "@/lib/participation/eligibility";
import { toSearchKey } from "@/lib/text/search-key";

import { isThresholdReached, maySign, REQUEST_THRESHOLD_PERCENT, signaturesNeeded } from "./rules";
import type { OpenRequestValues, PaperSignatureValues } from "./schemas";

const yearInVietnam = (now: Date) => Number(new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Asia/Ho_Chi_Minh" }).format(now));

/** The commune's voters: active adults on the list. */
export async function countVoters(communeId: string, now = new Date(), client: Tx | typeof db = db): Promise<number> {
  return client.resident.count({ where: { communeId, isActive: true, birthYear: { lte: yearInVietnam(now) - VOTING_AGE } } });
}

type Signer = { id: string; isActive: boolean; birthYear: number | null };

async function loadSigner(access: CommuneAccess, residentId: string, now: Date): Promise<Signer> {
  const resident = await db.resident.findFirst({ where: { id: residentId, communeId: access.communeId }, select: { id: true, isActive: true, birthYear: true } });
  if (!resident) throw notFound("residentNotFound");
  if (!maySign(resident, now)) throw new AppError("dialogueNotAVoter", 403, { age: VOTING_AGE });
  return resident;
}

const translateDuplicate = (error: unknown): never => {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw conflict("dialogueAlreadySigned");
  throw error;
};

/** A resident opens a request with its subject and is its first signature, in one transaction. */
export async function openRequest(access: CommuneAccess, values: OpenRequestValues, now = new Date()) {
  const signer = await loadSigner(access, residentIdOf(access), now);
  return db
    .$transaction(async (tx) => {
      const request = await tx.dialogueRequest.create({ data: { communeId: access.communeId, subject: values.subject, createdById: access.userId }, select: { id: true, subject: true } });
      await appendAudit(tx, {
        communeId: access.communeId,
        actorId: access.userId,
        actorRole: access.actingRole,
        action: "dialogue.request.open",
        entityType: "DialogueRequest",
        entityId: request.id,
        after: { subject: values.subject },
      });
      return { id: request.id, ...(await recordSignature(tx, access, request, signer, false, now)) };
    })
    .catch(translateDuplicate);
}

export const signRequest = (access: CommuneAccess, requestId: string) => addSignature(access, requestId, residentIdOf(access), false);

/** Staff enter a signature from a paper sheet, finding the person by household code and full name. */
export async function enterPaperSignature(access: CommuneAccess, values: PaperSignatureValues) {
  const person = await db.resident.findFirst({
    where: { communeId: access.communeId, nameKey: toSearchKey(values.fullName), household: { code: values.householdCode.trim().toUpperCase() } },
    select: { id: true },
  });
  if (!person) throw notFound("residentNotFound");
  return addSignature(access, values.requestId, person.id, true);
}

async function addSignature(access: CommuneAccess, requestId: string, residentId: string, onPaper: boolean, now = new Date()) {
  const request = await db.dialogueRequest.findFirst({ where: { id: requestId, communeId: access.communeId }, select: { id: true, subject: true, reachedAt: true } });
  if (!request) throw notFound("dialogueRequestNotFound");
  const signer = await loadSigner(access, residentId, now);
  return db.$transaction((tx) => recordSignature(tx, access, request, signer, onPaper, now)).catch(translateDuplicate);
}

async function recordSignature(tx: Tx, access: CommuneAccess, request: { id: string; subject: string }, signer: Signer, onPaper: boolean, now: Date) {
  await tx.dialogueSignature.create({ data: { communeId: access.communeId, requestId: request.id, residentId: signer.id, enteredById: access.userId, onPaper } });
  // The request row is locked while counting, so that two signatures at the threshold mark it once.
  await tx.$queryRaw`SELECT id FROM "DialogueRequest" WHERE id = ${request.id} FOR UPDATE`;
  const signatures = await tx.dialogueSignature.count({ where: { requestId: request.id } });
  const voters = await countVoters(access.communeId, now, tx);
  const current = await tx.dialogueRequest.findUniqueOrThrow({ where: { id: request.id }, select: { reachedAt: true } });
  const reachedNow = !current.reachedAt && isThresholdReached(signatures, voters);
  if (reachedNow) {
    await tx.dialogueRequest.update({ where: { id: request.id }, data: { reachedAt: now } });
    const commune = await tx.commune.findUniqueOrThrow({ where: { id: access.communeId }, select: { slug: true } });
    const officials = await tx.membership.findMany({
      where: { communeId: access.communeId, status: "VERIFIED", role: { in: [...STAFF_ROLES, ...FRONT_ROLES] } },
      select: { userId: true },
      distinct: ["userId"],
    });
    for (const o of officials) {
      await notify(tx, {
        communeId: access.communeId,
        userId: o.userId,
        kind: "dialogueRequestReached",
        params: { subject: request.subject, signatures, voters, percent: REQUEST_THRESHOLD_PERCENT },
        link: `/${commune.slug}/staff/dialogues#request-${request.id}`,
      });
    }
  }
  await appendAudit(tx, {
    communeId: access.communeId,
    actorId: access.userId,
    actorRole: access.actingRole,
    action: reachedNow ? "dialogue.request.sign.reached" : "dialogue.request.sign",
    entityType: "DialogueRequest",
    entityId: request.id,
    after: { residentId: signer.id, onPaper, signatures },
    details: { onPaper, signatures, voters, needed: signaturesNeeded(voters) },
  });
  return { signatures, voters, needed: signaturesNeeded(voters), reached: reachedNow || current.reachedAt !== null };
}
