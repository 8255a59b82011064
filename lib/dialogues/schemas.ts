import { z } from "zod";

import { isIsoDate } from "@/lib/consultations/periods";

const id = z.string().min(1).max(40);
const line = (max: number) => z.string().trim().min(3, { error: "tooShort" }).max(max, { error: "tooLong" });
const text = (max: number) => z.string().trim().min(10, { error: "tooShort" }).max(max, { error: "tooLong" });
/** "YYYY-MM-DDTHH:mm", Vietnam time, as a datetime-local field sends it. */
const vnDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "invalidDate" });
const vnDate = z.string().refine(isIsoDate, { error: "invalidDate" });

export const planConferenceSchema = z.object({
  communeId: id,
  title: line(200),
  startsAt: vnDateTime,
  place: line(300),
  onlineLink: z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "invalidUrl" }).max(500)]).default(""),
  topics: text(3000),
  officials: text(2000),
  /** Empty: every village of the commune. */
  villageIds: z.array(id).max(200).default([]),
  requestId: z.union([z.literal(""), id]).default(""),
});

export const openRequestSchema = z.object({ communeId: id, subject: text(1000) });
export const signRequestSchema = z.object({ communeId: id, requestId: id });
/** A signature from a paper sheet: the person is found on the list by household code and full name (diacritics optional). */
export const paperSignatureSchema = z.object({ communeId: id, requestId: id, householdCode: line(40), fullName: line(120) });

export const askQuestionSchema = z.object({ communeId: id, conferenceId: id, body: text(2000) });
export const agreeQuestionSchema = z.object({ communeId: id, questionId: id });
export const moderateQuestionSchema = z.object({
  communeId: id,
  questionId: id,
  action: z.enum(["HIDE", "RESTORE"]),
  reason: z.enum(["ABUSE", "PERSONAL_DATA", "SPAM", "OFF_TOPIC", "UNLAWFUL", "OTHER"]),
  details: text(1000),
});

export const raiseQuestionSchema = z.object({ communeId: id, conferenceId: id, askedBy: line(200), body: text(2000) });
export const answerQuestionSchema = z
  .object({
    communeId: id,
    questionId: id,
    answer: text(4000),
    responsible: z.string().trim().max(200, { error: "tooLong" }).default(""),
    deadline: z.union([z.literal(""), vnDate]).default(""),
    status: z.enum(["ANSWERED", "IN_PROGRESS", "DONE"]),
  })
  .superRefine((v, ctx) => {
    // A commitment names who keeps it and by when.
    if (v.status === "IN_PROGRESS" && v.responsible.length < 3) ctx.addIssue({ code: "custom", path: ["responsible"], message: "responsibleRequired" });
    if (v.status === "IN_PROGRESS" && !v.deadline) ctx.addIssue({ code: "custom", path: ["deadline"], message: "deadlineRequired" });
  });
export const markDoneSchema = z.object({ communeId: id, questionId: id });

export const recordResultsSchema = z.object({
  communeId: id,
  conferenceId: id,
  minutesText: text(20000),
  attendanceCount: z.coerce.number().int({ error: "wholeNumber" }).min(1, { error: "tooSmall" }).max(100000, { error: "tooLarge" }),
  attendedVillageIds: z.array(id).min(1, { error: "villagesRequired" }).max(200),
});
export const publishResultsSchema = z.object({ communeId: id, conferenceId: id });

type Values<S extends z.ZodType> = Omit<z.infer<S>, "communeId">;
export type PlanConferenceValues = Values<typeof planConferenceSchema>;
export type OpenRequestValues = Values<typeof openRequestSchema>;
export type PaperSignatureValues = Values<typeof paperSignatureSchema>;
export type AskQuestionValues = Values<typeof askQuestionSchema>;
export type ModerateQuestionValues = Values<typeof moderateQuestionSchema>;
export type RaiseQuestionValues = Values<typeof raiseQuestionSchema>;
export type AnswerQuestionValues = Values<typeof answerQuestionSchema>;
export type RecordResultsValues = Values<typeof recordResultsSchema>;
