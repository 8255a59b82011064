// The parts of a person's data export that erasure also reaches (lib/people/erase-links.ts), beyond
// opinions, reactions, reports, appeals and votes: what they follow, the text messages and one-time
// codes sent to their phone (never a code's hash), and their consents with the history of each.
import { db } from "@/lib/db";

export async function exportLinkedRecords(userId: string, phone: string | null) {
  const [follows, textMessages, oneTimeCodes, consentHistory] = await Promise.all([
    db.follow.findMany({ where: { userId }, select: { consultationId: true, createdAt: true } }),
    phone ? db.smsMessage.findMany({ where: { phone }, select: { body: true, status: true, createdAt: true, sentAt: true }, orderBy: { createdAt: "asc" } }) : [],
    phone ? db.oneTimeCode.findMany({ where: { phone }, select: { purpose: true, createdAt: true, expiresAt: true, consumedAt: true }, orderBy: { createdAt: "asc" } }) : [],
    db.consentRecord.findMany({ where: { userId }, select: { purpose: true, textVersion: true, givenAt: true, withdrawnAt: true, communeId: true }, orderBy: { givenAt: "asc" } }),
  ]);
  return { follows, textMessages, oneTimeCodes, consentHistory };
}
