import { z } from "zod";

const score = z.coerce.number({ error: "ratingScoreRequired" }).int({ error: "ratingScoreRequired" }).min(1, { error: "ratingScoreRequired" }).max(5, { error: "ratingScoreRequired" });

export const ratingSubjectTypeSchema = z.enum(["CONSULTATION", "CASE"]);

export const submitRatingSchema = z.object({
  communeId: z.string().min(1).max(40),
  subjectType: ratingSubjectTypeSchema,
  subjectId: z.string().min(1).max(40),
  informedInTime: score,
  ableToTakePart: score,
  /** Empty: "I gave no opinion". */
  opinionAnswered: z.preprocess((v) => (v === "" || v === undefined ? null : v), score.nullable()),
  outcomeUnderstood: score,
  overall: score,
  comment: z.string().trim().max(2000, { error: "tooLong" }).optional().transform((v) => (v ? v : null)),
});

export type SubmitRatingValues = z.output<typeof submitRatingSchema>;
