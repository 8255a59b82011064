// The sender is told of each step of their case: in their inbox (lib/notifications) when they have an
// account, and by text message (lib/sms) when they asked for it and gave a phone. Followers get the
// public steps in their inbox. Both are written in the step's transaction: the text waits in
// QueuedText (lib/telling) until the scheduler sends it, so a rolled-back step sends nothing and a slow
// gateway never holds the step up.
import { randomUUID } from "node:crypto";

import type { Tx } from "@/lib/db";
import { notify } from "@/lib/notifications/notify";
import { queueText } from "@/lib/telling/tell";

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

async function communeSlug(tx: Tx, communeId: string) {
  const commune = await tx.commune.findUniqueOrThrow({ where: { id: communeId }, select: { slug: true } });
  return commune.slug;
}

/** The case page's address, without the locale (the inbox adds it). */
export const caseLink = (slug: string, number: number) => `/${slug}/cases/${number}`;

/**
 * Tells the sender (inbox, and text if asked) and, for a public step of a public case, its followers
 * (inbox). `kind` is a key under notifications and sms (notifications.cases.json, sms.cases.json).
 */
export async function tellSender(
  tx: Tx,
  c: CaseForTelling,
  kind: string,
  params: Record<string, string | number> = {},
  options: { followers?: boolean; exceptUserId?: string | null } = {},
): Promise<void> {
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
  if (c.notifyBySms && c.senderPhone) {
    await queueText(tx, { communeId: c.communeId, phone: c.senderPhone, kind, params: all, key: `${kind}:case:${c.id}:${randomUUID()}`, userId: c.filedById });
  }
}
