// The sender is told of each step of their case: in their inbox (lib/notifications) when they have an
// account, and by text message (lib/sms) when they asked for it and gave a phone. Followers get the
// public steps in their inbox. Inbox entries are written in the step's transaction; text messages
// leave after it commits (sendCaseTexts), so a rolled-back step sends nothing.
import type { Tx } from "@/lib/db";
import { notify } from "@/lib/notifications/notify";
import { translator } from "@/lib/people/translate";
import { plainText as plain } from "@/lib/sms/plain-text";
import { sendSms } from "@/lib/sms/send-sms";

export type CaseForTelling = {
  id: string;
  communeId: string;
  number: number;
  title: string;
  isPublic: boolean;
  filedById: string | null;
  senderPhone: string | null;
  notifyBySms: boolean;
};

export type PendingText = { communeId: string; phone: string; kind: string; params: Record<string, string | number> };


async function communeSlug(tx: Tx, communeId: string) {
  const commune = await tx.commune.findUniqueOrThrow({ where: { id: communeId }, select: { slug: true } });
  return commune.slug;
}

/** The case page's address, without the locale (the inbox adds it). */
export const caseLink = (slug: string, number: number) => `/${slug}/cases/${number}`;

/**
 * Tells the sender (inbox, and text if asked) and, for a public step of a public case, its followers
 * (inbox). `kind` is a key under notifications and sms (notifications.cases.json, sms.cases.json).
 * Returns the texts to send once the transaction has committed.
 */
export async function tellSender(
  tx: Tx,
  c: CaseForTelling,
  kind: string,
  params: Record<string, string | number> = {},
  options: { followers?: boolean; exceptUserId?: string | null } = {},
): Promise<PendingText[]> {
  const all = { number: c.number, title: c.title, ...params };
  const link = caseLink(await communeSlug(tx, c.communeId), c.number);
  if (c.filedById && c.filedById !== options.exceptUserId) await notify(tx, { communeId: c.communeId, userId: c.filedById, kind, params: all, link });
  if (options.followers && c.isPublic) {
    const follows = await tx.caseFollow.findMany({ where: { caseId: c.id }, select: { userId: true } });
    for (const { userId } of follows) {
      if (userId === c.filedById || userId === options.exceptUserId) continue;
      await notify(tx, { communeId: c.communeId, userId, kind: "caseFollowedUpdate", params: all, link });
    }
  }
  return c.notifyBySms && c.senderPhone ? [{ communeId: c.communeId, phone: c.senderPhone, kind, params: all }] : [];
}

/** Sends the texts of a committed step; a gateway failure is recorded in the outbox and not thrown. */
export async function sendCaseTexts(texts: readonly PendingText[]) {
  if (texts.length === 0) return;
  const t = translator("vi", "sms");
  for (const text of texts) {
    const params = Object.fromEntries(Object.entries(text.params).map(([k, v]) => [k, typeof v === "string" ? plain(v) : v]));
    await sendSms({ communeId: text.communeId, phone: text.phone, body: t(text.kind as never, params as never) }).catch(() => undefined);
  }
}

