import "server-only";

import { db } from "@/lib/db";

import { type LoudspeakerText, composeLoudspeakerText } from "./loudspeaker-text";

/**
 * The loudspeaker text of a consultation from its stored fields: scope, channels, ballot questions and
 * the notice boards it is posted on. The caller has already checked that the reader may see it.
 */
export async function loudspeakerTextFor(communeId: string, consultationId: string): Promise<LoudspeakerText | null> {
  const c = await db.consultation.findFirst({
    where: { id: consultationId, communeId },
    select: {
      title: true,
      summary: true,
      matterKind: true,
      isCommuneWide: true,
      allowedChannels: true,
      commentStartsAt: true,
      commentEndsAt: true,
      postingStartsAt: true,
      postingEndsAt: true,
      commune: { select: { name: true } },
      villages: { select: { villageId: true } },
      questions: { select: { text: true }, orderBy: { position: "asc" } },
      postings: { where: { channel: "NOTICE_BOARD" }, select: { location: true }, orderBy: { startsAt: "asc" } },
    },
  });
  if (!c) return null;
  const villages = c.isCommuneWide
    ? null
    : (await db.village.findMany({ where: { communeId, id: { in: c.villages.map((v) => v.villageId) } }, select: { name: true }, orderBy: { name: "asc" } })).map((v) => v.name);
  return composeLoudspeakerText({
    communeName: c.commune.name,
    title: c.title,
    summary: c.summary,
    matterKind: c.matterKind,
    commentStartsAt: c.commentStartsAt,
    commentEndsAt: c.commentEndsAt,
    postingStartsAt: c.postingStartsAt,
    postingEndsAt: c.postingEndsAt,
    villages,
    channels: c.allowedChannels,
    questions: c.questions.map((q) => q.text),
    noticeBoards: c.postings.map((p) => p.location),
  });
}
