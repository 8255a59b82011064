import "server-only";

// Telling residents (issue 12 §6): one inbox notification per person, and a text message as well to
// those who chose text messages on their account page and have a phone. The inbox rows are written in
// the caller's transaction; the texts wait in QueuedText (same transaction) and the scheduler sends
// them (send-texts.ts), so that a slow or failing gateway never holds back the change that caused them
// and a text is never lost or sent twice (its key is unique).
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { renderNotification } from "@/lib/notifications/notify";
import { translator } from "@/lib/people/translate";
import { plainText } from "@/lib/sms/plain-text";

export type Telling = {
  communeId: string;
  userIds: readonly string[];
  /** A key under "notifications" (title and body) and, for the text message, under "sms". */
  kind: string;
  params: Record<string, string>;
  link: string;
  /** What the message is about, unique per event: with the kind and the person it keys the text. */
  about: string;
};

/** Tells each person once per call; returns how many were told and how many texts were queued. */
export async function tell(tx: Tx, input: Telling): Promise<{ told: number; texts: number }> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return { told: 0, texts: 0 };
  const { title, body } = renderNotification(input.kind, input.params);
  await tx.notification.createMany({
    data: userIds.map((userId) => ({
      communeId: input.communeId,
      userId,
      kind: input.kind,
      params: input.params as Prisma.InputJsonValue,
      title,
      body,
      link: input.link,
    })),
  });
  const texters = await tx.user.findMany({
    where: { id: { in: userIds }, textMessages: true, phone: { not: null }, anonymisedAt: null },
    select: { id: true, phone: true },
  });
  if (texters.length === 0) return { told: userIds.length, texts: 0 };
  const text = textBody(input.kind, input.params);
  const { count } = await tx.queuedText.createMany({
    data: texters.map((u) => ({ communeId: input.communeId, key: `${input.kind}:${input.about}:${u.id}`, phone: u.phone!, body: text, userId: u.id })),
    skipDuplicates: true,
  });
  return { told: userIds.length, texts: count };
}

/**
 * Queues one text message to a phone given on a record (a case's sender) rather than an account, in the
 * caller's transaction; the scheduler sends it as it sends the others. `key` names the event, once.
 */
export async function queueText(tx: Tx, input: { communeId: string; phone: string; kind: string; params: Record<string, string | number>; key: string; userId?: string | null }) {
  const params = Object.fromEntries(Object.entries(input.params).map(([k, v]) => [k, String(v)]));
  await tx.queuedText.createMany({
    data: [{ communeId: input.communeId, key: input.key, phone: input.phone, body: textBody(input.kind, params), userId: input.userId ?? null }],
    skipDuplicates: true,
  });
}

/** The Vietnamese text message for a kind, without diacritics (one SMS part on any phone). */
export function textBody(kind: string, params: Record<string, string>) {
  const plainParams = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, plainText(v)]));
  return translator("vi", "sms")(kind, plainParams);
}
