import { z } from "zod";

import { ModerationReason } from "@/lib/generated/prisma/enums";

const id = z.string().min(1).max(40);
const details = z.string().trim().max(1000, { error: "tooLong" });

export const reportOpinionSchema = z.object({
  communeId: id,
  opinionId: id,
  reason: z.enum(ModerationReason),
  details: details.optional().default(""),
});

/** Hiding or restoring always needs a reason from the list and words of explanation. */
export const moderateOpinionSchema = z.object({
  communeId: id,
  opinionId: id,
  action: z.enum(["HIDE", "RESTORE"]),
  reason: z.enum(ModerationReason),
  details: details.min(5, { error: "moderationDetailsRequired" }),
});

export const appealSchema = z.object({
  communeId: id,
  opinionId: id,
  body: z.string().trim().min(10, { error: "tooShort" }).max(2000, { error: "tooLong" }),
});

export const decideAppealSchema = z.object({
  communeId: id,
  opinionId: id,
  decision: z.enum(["UPHELD", "REJECTED"]),
  note: z.string().trim().min(5, { error: "moderationDetailsRequired" }).max(1000, { error: "tooLong" }),
});

export const blockAccountSchema = z.object({
  communeId: id,
  userId: id,
  reason: z.string().trim().min(5, { error: "moderationDetailsRequired" }).max(500, { error: "tooLong" }),
  /** null: until lifted. */
  days: z.number().int().min(1).max(365).nullable(),
});

export const liftBlockSchema = z.object({ communeId: id, blockId: id });

export const supervisionNoteSchema = z.object({
  communeId: id,
  consultationId: id,
  opinionId: id.nullable(),
  body: z.string().trim().min(10, { error: "tooShort" }).max(5000, { error: "tooLong" }),
  isPublicFlag: z.boolean(),
});

export const answerNoteSchema = z.object({
  communeId: id,
  noteId: id,
  response: z.string().trim().min(10, { error: "tooShort" }).max(5000, { error: "tooLong" }),
});

export type ReportOpinionValues = z.output<typeof reportOpinionSchema>;
export type ModerateOpinionValues = z.output<typeof moderateOpinionSchema>;
export type AppealValues = z.output<typeof appealSchema>;
export type DecideAppealValues = z.output<typeof decideAppealSchema>;
export type BlockAccountValues = z.output<typeof blockAccountSchema>;
export type SupervisionNoteValues = z.output<typeof supervisionNoteSchema>;
export type AnswerNoteValues = z.output<typeof answerNoteSchema>;
