import "server-only";

// Giving and withdrawing consent, one purpose at a time (lib/privacy/consent-purposes.ts). Each change
// is a row: giving adds a record with the text's version, withdrawing stamps the open one, so the
// history stays (the proof of what was agreed and when). What a purpose switches on follows it in the
// same transaction:
// - verification withdrawn: the account is no longer matched to the household list (the link is cut
//   and the membership set aside as "consentWithdrawn"); given again, it waits for staff to verify;
// - email digest: the account's digest flag and its email preference (emailOptOut, which sending reads in
//   lib/notifications/digest.ts) follow the consent: withdrawn, no digest goes out;
// - contact by text message: read by hasConsent() wherever such a message is sent.
import { db, type Tx } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";

import { CONSENT_WITHDRAWN_REASON } from "./consent-reasons";
import { CONSENT_PURPOSES, CONSENT_TEXT_VERSION, type ConsentPurpose, EMAIL_DIGEST, VERIFICATION } from "./consent-purposes";


/** Each purpose with whether it is given now, and every record of it, newest first. */
export async function listMyConsents(userId: string, communeId: string) {
  const rows = await db.consentRecord.findMany({
    where: { userId, OR: [{ communeId }, { communeId: null }] },
    select: { id: true, purpose: true, textVersion: true, givenAt: true, withdrawnAt: true },
    orderBy: { givenAt: "desc" },
  });
  return CONSENT_PURPOSES.map((purpose) => {
    const history = rows.filter((r) => r.purpose === purpose);
    return { purpose, isGiven: history.some((r) => r.withdrawnAt === null), history };
  });
}

export async function hasConsent(userId: string, communeId: string, purpose: ConsentPurpose): Promise<boolean> {
  return (await db.consentRecord.count({ where: { userId, communeId, purpose, withdrawnAt: null } })) > 0;
}

async function lockPerson(tx: Tx, userId: string) {
  // Two clicks at once must not give the same consent twice: one person's consents change one at a time.
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
}

export async function giveConsent(userId: string, communeId: string, purpose: ConsentPurpose, now = new Date()) {
  return db.$transaction(async (tx) => {
    await lockPerson(tx, userId);
    if ((await tx.consentRecord.count({ where: { userId, communeId, purpose, withdrawnAt: null } })) > 0) throw conflict("consentAlreadyGiven");
    const record = await tx.consentRecord.create({
      data: { userId, communeId, purpose, textVersion: CONSENT_TEXT_VERSION[purpose], givenAt: now },
      select: { id: true, purpose: true, textVersion: true, givenAt: true },
    });
    if (purpose === EMAIL_DIGEST) await tx.user.update({ where: { id: userId }, data: { emailDigest: true, emailOptOut: false } });
    if (purpose === VERIFICATION) {
      await tx.membership.updateMany({
        where: { userId, communeId, role: "RESIDENT", status: "REJECTED", rejectionReason: CONSENT_WITHDRAWN_REASON },
        data: { status: "PENDING", rejectionReason: null },
      });
    }
    await appendAudit(tx, { communeId, actorId: userId, actorRole: "RESIDENT", action: "consent.give", entityType: "ConsentRecord", entityId: record.id, after: record });
    return record;
  });
}

export async function withdrawConsent(userId: string, communeId: string, purpose: ConsentPurpose, now = new Date()) {
  return db.$transaction(async (tx) => {
    await lockPerson(tx, userId);
    const { count } = await tx.consentRecord.updateMany({ where: { userId, communeId, purpose, withdrawnAt: null }, data: { withdrawnAt: now } });
    if (count === 0) throw conflict("consentNotGiven");
    if (purpose === EMAIL_DIGEST) await tx.user.update({ where: { id: userId }, data: { emailDigest: false, emailOptOut: true } });
    if (purpose === VERIFICATION) {
      await tx.membership.updateMany({
        where: { userId, communeId, role: "RESIDENT" },
        data: { status: "REJECTED", residentId: null, verifiedAt: null, verificationMethod: null, verifiedById: null, rejectionReason: CONSENT_WITHDRAWN_REASON },
      });
    }
    await appendAudit(tx, { communeId, actorId: userId, actorRole: "RESIDENT", action: "consent.withdraw", entityType: "ConsentRecord", entityId: null, details: { purpose, withdrawnAt: now.toISOString() } });
    return { purpose, withdrawnAt: now };
  });
}
