import { db } from "@/lib/db";

/** What a person sees on their own account page in one commune. */
export async function getMyAccount(userId: string, communeId: string) {
  const [user, memberships, opinions, votes, notifications, consents, requests, blocks] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, displayName: true, phone: true, email: true, emailVerifiedAt: true, emailOptOut: true } }),
    db.membership.findMany({
      where: { userId, communeId },
      select: { role: true, status: true, rejectionReason: true, resident: { select: { fullName: true, birthYear: true, village: { select: { name: true } }, household: { select: { code: true } } } } },
    }),
    db.opinion.findMany({
      where: { authorId: userId, communeId },
      select: {
        id: true,
        number: true,
        body: true,
        moderationState: true,
        createdAt: true,
        consultation: { select: { id: true, title: true, notice: { select: { status: true } } } },
        moderation: { orderBy: { createdAt: "desc" }, take: 1, select: { action: true, reason: true, details: true } },
        appeal: { select: { status: true, decisionNote: true } },
        answer: { select: { kind: true, body: true } },
      },
      orderBy: { createdAt: "desc" },
      take: 200,
    }),
    db.vote.findMany({
      where: { userId, communeId },
      select: { receiptCode: true, channel: true, createdAt: true, question: { select: { text: true, consultation: { select: { title: true } } } } },
      orderBy: { createdAt: "desc" },
      take: 200,
    }),
    db.notification.findMany({
      where: { userId, communeId },
      select: { id: true, kind: true, params: true, link: true, readAt: true, createdAt: true },
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
    db.consentRecord.findMany({ where: { userId }, select: { purpose: true, textVersion: true, givenAt: true, withdrawnAt: true } }),
    db.dataRequest.findMany({ where: { userId, communeId }, select: { kind: true, status: true, dueAt: true, createdAt: true, resolution: true }, orderBy: { createdAt: "desc" } }),
    db.accountBlock.findMany({ where: { userId, communeId, liftedAt: null }, select: { reason: true, endsAt: true } }),
  ]);
  return { user, memberships, opinions, votes, notifications, consents, requests, blocks };
}
