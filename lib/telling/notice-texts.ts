import "server-only";

// The outcome notice by text message to those who took part on paper or with help (issue 12 §6;
// Law 10/2022 Art. 35.2.a: the result is made known to those who gave their opinion). One text per
// household, to the phone of a participating member's account; the QueuedText row is the household's
// delivery record (status, SmsMessage id, error), and its key makes publishing twice send nothing twice.
import type { Tx } from "@/lib/db";

import { listPaperParticipants } from "./paper-participants";
import { textBody } from "./tell";

export async function queueNoticeTexts(tx: Tx, input: { communeId: string; noticeId: string; consultationId: string; consultation: string }) {
  const byHousehold = new Map<string, string>();
  for (const p of await listPaperParticipants(tx, input.consultationId)) {
    if (p.phone && !byHousehold.has(p.householdId)) byHousehold.set(p.householdId, p.phone);
  }
  if (byHousehold.size === 0) return 0;
  const body = textBody("noticePublished", { consultation: input.consultation });
  const { count } = await tx.queuedText.createMany({
    data: [...byHousehold].map(([householdId, phone]) => ({
      communeId: input.communeId,
      key: `notice:${input.noticeId}:${householdId}`,
      phone,
      body,
      householdId,
      noticeId: input.noticeId,
    })),
    skipDuplicates: true,
  });
  return count;
}

