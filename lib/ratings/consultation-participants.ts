import "server-only";

// Who is invited to rate a consultation: everyone who took part with an account, online (an opinion,
// a reaction, a vote: lib/notices/participants.ts) or on paper and with help (lib/telling).
import type { Tx } from "@/lib/db";
import { listParticipantIds } from "@/lib/notices/participants";
import { listPaperParticipants } from "@/lib/telling/paper-participants";

export async function listRatingParticipants(tx: Tx, consultationId: string): Promise<string[]> {
  const [online, paper] = await Promise.all([listParticipantIds(tx, consultationId), listPaperParticipants(tx, consultationId)]);
  return [...new Set([...online, ...paper.map((p) => p.userId)])].sort();
}
