// Anyone holding a receipt code can check that the vote was recorded and counted: the question, the
// channel and the time — never the choice, and nothing about who voted.
import { db } from "@/lib/db";
import { onlineDecidingVillages, pollHouseholds } from "@/lib/online-deciding/load-conditions";
import { consumeRateLimit } from "@/lib/rate-limit";

import { countingLawFor } from "./counting-rules";
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
      /** Why not: the village's meeting counts, or the channel may not decide this matter (Decree 59/2023 Art. 5). */
      notCountedBecause?: "meeting" | "channelNotDeciding";
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
      question: { select: { text: true, thresholdPercent: true, consultation: { select: { id: true, title: true, legalCategory: true, isCommuneWide: true } } } },
    },
  });
  if (!vote) return { found: false };
  const source = await db.villageTallySource.findFirst({
    where: { questionId: vote.questionId, villageId: vote.villageId },
    select: { source: true },
  });
  const { legalCategory, isCommuneWide, ...consultation } = vote.question.consultation;
  // Decree 59/2023 Art. 5: a web vote decides only an Art. 15.6 matter, in a village that met the conditions.
  const onlineDecidingMet =
    vote.channel === "WEB" &&
    legalCategory === "DECISION_OTHER_SELF_MANAGEMENT" &&
    (await onlineDecidingVillages(communeId, consultation.id, await pollHouseholds(communeId, consultation.id, [vote.villageId]))).has(vote.villageId);
  const law = countingLawFor(legalCategory, vote.question, { isCommuneWide, onlineDecidingMet });
  const channelDecides = !law || law.decidingChannels.includes(vote.channel);
  const notCountedBecause = !channelDecides ? "channelNotDeciding" : source?.source === "MEETING" ? "meeting" : undefined;
  return {
    found: true,
    consultation,
    question: vote.question.text,
    channel: vote.channel,
    recordedAt: vote.createdAt,
    changedAt: vote.changeCount > 0 ? vote.updatedAt : null,
    changeCount: vote.changeCount,
    counted: notCountedBecause === undefined && vote.voidedAt === null,
    voidedAt: vote.voidedAt,
    ...(notCountedBecause ? { notCountedBecause } : {}),
  };
}
