import { z } from "zod";

const id = z.string().min(1).max(40);

export const draftNoticeSchema = z.object({ communeId: id, consultationId: id });

export const updateNoticeSchema = z.object({
  communeId: id,
  noticeId: id,
  title: z.string().trim().min(10, { error: "noticeTitleTooShort" }).max(300, { error: "tooLong" }),
  body: z.string().trim().min(50, { error: "noticeBodyTooShort" }).max(30_000, { error: "tooLong" }),
  loudspeakerText: z.string().trim().min(30, { error: "noticeLoudspeakerTooShort" }).max(6_000, { error: "tooLong" }),
});

export const noticeIdSchema = z.object({ communeId: id, noticeId: id });

export type DraftNoticeValues = z.output<typeof draftNoticeSchema>;
export type UpdateNoticeValues = z.output<typeof updateNoticeSchema>;
export type NoticeIdValues = z.output<typeof noticeIdSchema>;
