import { z } from "zod";

import { isIsoDate } from "@/lib/consultations/periods";

const id = z.string().min(1).max(40);
const text = (max: number) => z.string().trim().min(10, { error: "tooShort" }).max(max, { error: "tooLong" });
const line = (max: number) => z.string().trim().min(3, { error: "tooShort" }).max(max, { error: "tooLong" });
const vnDate = z.string().refine(isIsoDate, { error: "invalidDate" });

export const MEMBER_KINDS = ["FRONT", "INSPECTION_BOARD", "RESIDENT"] as const;
export const TOPICS = ["DESIGN", "MATERIALS", "PROGRESS", "ACCEPTANCE", "FINAL_ACCOUNTS", "OTHER"] as const;
export const ADDRESSEES = ["COMMUNE", "INVESTOR"] as const;
export const REQUEST_KINDS = ["REQUEST", "SUSPENSION"] as const;

export const memberSchema = z.object({
  userId: id,
  kind: z.enum(MEMBER_KINDS),
  /** The declaration of no relationship with the investor, contractor or supervisor was signed (Art. 42). */
  declared: z.boolean(),
  declarationSignedOn: z.union([z.literal(""), vnDate]).default(""),
});

export const setupBoardSchema = z.object({
  communeId: id,
  workId: id,
  plan: text(5000),
  investorNotifiedOn: vnDate,
  supervisionStartOn: vnDate,
  members: z.array(memberSchema).max(30),
});

export const dissolveBoardSchema = z.object({ communeId: id, boardId: id, acceptedOn: vnDate });

export const recordVisitSchema = z.object({
  communeId: id,
  boardId: id,
  visitedOn: vnDate,
  place: line(300),
  notes: text(5000),
  photoIds: z.array(id).max(10).default([]),
});

export const recordFindingSchema = z.object({
  communeId: id,
  boardId: id,
  visitId: z.union([z.literal(""), id]).default(""),
  topic: z.enum(TOPICS),
  body: text(5000),
});

export const publishFindingSchema = z.object({ communeId: id, findingId: id });

export const sendRequestSchema = z.object({
  communeId: id,
  boardId: id,
  kind: z.enum(REQUEST_KINDS),
  addressee: z.enum(ADDRESSEES),
  body: text(5000),
});

export const answerRequestSchema = z.object({ communeId: id, requestId: id, answer: text(5000) });

export type SetupBoardValues = z.infer<typeof setupBoardSchema>;
export type RecordVisitValues = z.infer<typeof recordVisitSchema>;
export type RecordFindingValues = z.infer<typeof recordFindingSchema>;
export type SendRequestValues = z.infer<typeof sendRequestSchema>;
