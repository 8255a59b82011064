// Anyone holding a receipt code can check that the vote was recorded and counted: the question, the
// channel and the time — never the choice, and nothing about who voted.
import { db } from "@/lib/db";
import { consumeRateLimit } from "@/lib/rate-limit";

import { normaliseReceiptCode } from "./receipt";

export type ReceiptCheck =
  | { found: false }
  | {
      found: true;
      consultation: { id: string; title: string };
      question: string;
      channel: string;
      recordedAt: Date;
      changedAt: Date | null;
      changeCount: number;
      /** False when the village's figures come from its meeting, so individual votes are set aside, or the vote was voided. */
      counted: boolean;
      /** Set when the vote was voided after a dispute confirmed by the Front. */
      voidedAt: Date | null;
    };

export async function checkReceipt(communeId: string, typed: string, requester: string): Promise<ReceiptCheck> {
  await consumeRateLimit("receiptCheck", requester);
  const code = normaliseReceiptCode(typed);
  if (!code) return { found: false };
  const vote = await db.vote.findFirst({
    where: { receiptCode: code, communeId },
    select: {
      questionId: true,
      villageId: true,
      channel: true,
      createdAt: true,
      updatedAt: true,
      changeCount: true,
      voidedAt: true,
      question: { select: { text: true, consultation: { select: { id: true, title: true } } } },
    },
  });
  if (!vote) return { found: false };
  const source = await db.villageTallySource.findFirst({
    where: { questionId: vote.questionId, villageId: vote.villageId },
    select: { source: true },
  });
  return {
    found: true,
    consultation: vote.question.consultation,
    question: vote.question.text,
    channel: vote.channel,
    recordedAt: vote.createdAt,
    changedAt: vote.changeCount > 0 ? vote.updatedAt : null,
    changeCount: vote.changeCount,
    counted: source?.source !== "MEETING" && vote.voidedAt === null,
    voidedAt: vote.voidedAt,
  };
}
