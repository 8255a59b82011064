import { db } from "@/lib/db";
import { readSettings } from "@/lib/settings";

/**
 * What one signed-in person needs to see on a (static) consultation page: their reactions and which
 * of their opinions they may still edit. Read per request by the browser, never cached.
 */
export async function getMyParticipation(userId: string, communeId: string, consultationId: string, now = new Date()) {
  const [reactions, own, commune] = await Promise.all([
    db.reaction.findMany({
      where: { userId, communeId, opinion: { consultationId } },
      select: { opinionId: true, kind: true },
    }),
    db.opinion.findMany({
      where: { authorId: userId, communeId, consultationId, moderationState: "VISIBLE" },
      select: { id: true, createdAt: true },
    }),
    db.commune.findUnique({ where: { id: communeId }, select: { settings: true } }),
  ]);
  const windowMs = readSettings(commune?.settings).opinionEditMinutes * 60_000;
  return {
    reactions: Object.fromEntries(reactions.map((r) => [r.opinionId, r.kind])),
    own: Object.fromEntries(
      own.map((o) => {
        const until = o.createdAt.getTime() + windowMs;
        return [o.id, until > now.getTime() ? new Date(until).toISOString() : null];
      }),
    ),
  };
}

export type MyParticipation = Awaited<ReturnType<typeof getMyParticipation>>;
