import { z } from "zod";

import { Stance } from "@/lib/generated/prisma/enums";
import { encodeMessage } from "@/lib/i18n/message-key";

import { OPINION_MAX_LENGTH, OPINION_MIN_LENGTH } from "./limits";

export { OPINION_MAX_LENGTH, OPINION_MIN_LENGTH };

export const opinionSchema = z.object({
  communeId: z.string().min(1),
  consultationId: z.string().min(1).max(40),
  body: z
    .string()
    .trim()
    .min(OPINION_MIN_LENGTH, { error: "opinionTooShort" })
    .max(OPINION_MAX_LENGTH, { error: encodeMessage("opinionTooLong", { max: OPINION_MAX_LENGTH }) }),
  stance: z.enum(Stance).nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  lng: z.number().min(-180).max(180).nullable(),
  sectionId: z.string().max(40).nullable(),
  parentId: z.string().max(40).nullable(),
  /** A photo uploaded beforehand through /api/consultations/[id]/opinion-photos. */
  photoId: z.string().max(40).nullable().default(null),
});

export type OpinionInput = z.input<typeof opinionSchema>;
export type OpinionValues = z.output<typeof opinionSchema>;

export const reactionSchema = z.object({
  communeId: z.string().min(1),
  opinionId: z.string().min(1).max(40),
  /** null takes the reaction back. */
  kind: z.enum(["AGREE", "DISAGREE"]).nullable(),
});

export const editOpinionSchema = z.object({
  communeId: z.string().min(1),
  opinionId: z.string().min(1).max(40),
  body: opinionSchema.shape.body,
  stance: z.enum(Stance).nullable(),
});

export type ReactionValues = z.output<typeof reactionSchema>;
export type EditOpinionValues = z.output<typeof editOpinionSchema>;
