import "server-only";

// The moments a resident is told of (issue 12 §6), each called inside the transaction of the change
// itself, so that the notice exists exactly when the change does, and once.
import type { Tx } from "@/lib/db";

import { tell } from "./tell";

async function slugOf(tx: Tx, communeId: string) {
  return (await tx.commune.findUniqueOrThrow({ where: { id: communeId }, select: { slug: true } })).slug;
}

/** Staff answered opinions (Art. 26.2): each author with an account is told, once per answer. */
export async function tellOpinionsAnswered(tx: Tx, input: { communeId: string; consultationId: string; answerId: string; opinionIds: string[] }) {
  const opinions = await tx.opinion.findMany({
    where: { id: { in: input.opinionIds }, communeId: input.communeId, authorId: { not: null } },
    select: { authorId: true, number: true, consultation: { select: { title: true } } },
    orderBy: { number: "asc" },
  });
  if (opinions.length === 0) return { told: 0, texts: 0 };
  const slug = await slugOf(tx, input.communeId);
  const consultation = opinions[0]!.consultation.title;
  // A person whose several opinions share one answer is told once, pointing at the first of them.
  const first = new Map<string, number>();
  for (const o of opinions) if (!first.has(o.authorId!)) first.set(o.authorId!, o.number);
  let told = 0;
  let texts = 0;
  for (const [userId, number] of first) {
    const result = await tell(tx, {
      communeId: input.communeId,
      userIds: [userId],
      kind: "opinionAnswered",
      params: { consultation, number: String(number) },
      link: `/${slug}/consultations/${input.consultationId}#opinion-${number}`,
      about: input.answerId,
    });
    told += result.told;
    texts += result.texts;
  }
  return { told, texts };
}

/** Someone replied to an opinion: its author is told (not when replying to themselves). */
export async function tellOpinionReplied(tx: Tx, input: { communeId: string; parentId: string; replyId: string; replyAuthorId: string | null }) {
  const parent = await tx.opinion.findFirst({
    where: { id: input.parentId, communeId: input.communeId },
    select: { authorId: true, number: true, consultationId: true, consultation: { select: { title: true } } },
  });
  if (!parent?.authorId || parent.authorId === input.replyAuthorId) return { told: 0, texts: 0 };
  const slug = await slugOf(tx, input.communeId);
  return tell(tx, {
    communeId: input.communeId,
    userIds: [parent.authorId],
    kind: "opinionReplied",
    params: { consultation: parent.consultation.title, number: String(parent.number) },
    link: `/${slug}/consultations/${parent.consultationId}#opinion-${parent.number}`,
    about: input.replyId,
  });
}

/**
 * A consultation opened (published now or by the scheduler): every verified resident of the villages
 * in its scope (the whole commune when it is commune-wide) is told.
 */
export async function tellConsultationOpened(tx: Tx, input: { communeId: string; consultationId: string }) {
  const consultation = await tx.consultation.findUniqueOrThrow({
    where: { id: input.consultationId },
    select: { title: true, isCommuneWide: true, villages: { select: { villageId: true } } },
  });
  const members = await tx.membership.findMany({
    where: {
      communeId: input.communeId,
      role: "RESIDENT",
      status: "VERIFIED",
      user: { anonymisedAt: null },
      ...(consultation.isCommuneWide ? {} : { resident: { villageId: { in: consultation.villages.map((v) => v.villageId) } } }),
    },
    select: { userId: true },
  });
  const slug = await slugOf(tx, input.communeId);
  return tell(tx, {
    communeId: input.communeId,
    userIds: members.map((m) => m.userId),
    kind: "consultationOpened",
    params: { consultation: consultation.title },
    link: `/${slug}/consultations/${input.consultationId}`,
    about: input.consultationId,
  });
}
