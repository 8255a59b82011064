// Sends the queued text messages (QueuedText), one transaction each. A row being sent is locked
// (SKIP LOCKED), so two scheduler instances never send the same text; a failed send is retried on the
// next run up to MAX_TEXT_ATTEMPTS, then stays FAILED with its error for staff to see.
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { configuredSender, sendSms, type SmsSender } from "@/lib/sms/send-sms";

export const MAX_TEXT_ATTEMPTS = 5;

type Pending = { id: string; communeId: string; phone: string; body: string; attempts: number };

/** `tried`: the texts this run already tried, so a failing one waits for the next run. */
async function sendOne(sender: SmsSender, tried: string[]): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      const [text] = await tx.$queryRaw<Pending[]>`
        SELECT "id", "communeId", "phone", "body", "attempts" FROM "QueuedText"
        WHERE "status" = 'PENDING' AND "attempts" < ${MAX_TEXT_ATTEMPTS} AND NOT ("id" = ANY(${tried}::text[]))
        ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!text) return false;
      tried.push(text.id);
      try {
        const sent = await sendSms({ communeId: text.communeId, phone: text.phone, body: text.body }, sender);
        await tx.queuedText.update({
          where: { id: text.id },
          data: { status: sent.status, smsMessageId: sent.id, attempts: { increment: 1 }, sentAt: new Date(), lastError: null },
        });
      } catch (error) {
        const message = isAppError(error) ? error.code : error instanceof Error ? error.message.slice(0, 200) : "error";
        const lastTry = text.attempts + 1 >= MAX_TEXT_ATTEMPTS;
        await tx.queuedText.update({ where: { id: text.id }, data: { attempts: { increment: 1 }, lastError: message, ...(lastTry ? { status: "FAILED" } : {}) } });
      }
      return true;
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
}

/** Sends up to `limit` queued texts; returns how many were tried. */
export async function sendQueuedTexts(options: { limit?: number; sender?: SmsSender } = {}): Promise<number> {
  const sender = options.sender ?? configuredSender();
  const tried: string[] = [];
  let handled = 0;
  while (handled < (options.limit ?? 200) && (await sendOne(sender, tried))) handled++;
  return handled;
}
