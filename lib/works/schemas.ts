// Input of the works domain, validated with zod. Error messages are keys under "errors" (errors.works.json).
import { z } from "zod";

import { isIsoDate } from "@/lib/consultations/periods";
import { optionalText } from "@/lib/text/form-fields";

export const WORK_STATUSES = ["PLANNED", "IN_PROGRESS", "PAUSED", "DONE", "CANCELLED"] as const;
export const FUND_SOURCES = ["STATE_BUDGET", "RESIDENT_CASH", "LABOUR_DAYS", "SPONSOR", "OTHER"] as const;
export const MAX_MILESTONE_PHOTOS = 4;
export const MAX_BUDGET_LINES = 12;
/** 10^15 VND: far above any commune work; keeps amounts exact in JSON numbers and strings. */
const MAX_VND = 1_000_000_000_000_000n;

const communeId = z.string().min(1).max(40);
const id = z.string().min(1).max(40);
const optionalId = z
  .string()
  .max(40)
  .nullish()
  .transform((v) => v || null);

/** A date "YYYY-MM-DD" from a date field; "" is "not given". */
const optionalDate = z
  .string()
  .max(10)
  .nullish()
  .transform((v, ctx) => {
    if (!v) return null;
    if (!isIsoDate(v)) {
      ctx.addIssue({ code: "custom", message: "workDateInvalid" });
      return z.NEVER;
    }
    return v;
  });

/** A whole amount of VND typed with or without thousands separators ("1.200.000.000"); "" is null. */
const vnd = z
  .union([z.string().max(30), z.number()])
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === "") return null;
    const digits = String(v).replace(/[.\s,_]/g, "");
    if (!/^\d+$/.test(digits) || BigInt(digits) >= MAX_VND) {
      ctx.addIssue({ code: "custom", message: "workAmountInvalid" });
      return z.NEVER;
    }
    return BigInt(digits);
  });

const days = z
  .union([z.string().max(12), z.number()])
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === "") return null;
    const n = Number(String(v).replace(/[.\s,_]/g, ""));
    if (!Number.isInteger(n) || n < 0 || n > 10_000_000) {
      ctx.addIssue({ code: "custom", message: "workDaysInvalid" });
      return z.NEVER;
    }
    return n;
  });

export const budgetLineSchema = z.object({
  source: z.enum(FUND_SOURCES, { error: "workSourceInvalid" }),
  amountVnd: vnd,
  labourDays: days,
  spentVnd: vnd,
  spentDays: days,
  note: optionalText(300),
});

export const saveWorkSchema = z.object({
  communeId,
  /** null to create. */
  workId: optionalId,
  title: z.string().trim().min(5, { error: "workTitleRequired" }).max(200, { error: "tooLong" }),
  description: z.string().trim().min(10, { error: "workDescriptionRequired" }).max(10_000, { error: "tooLong" }),
  /** The editor's shapes (a GeoJSON FeatureCollection), checked in full on the server. */
  geometry: z.unknown().nullable(),
  villageIds: z.array(id).max(100).default([]),
  consultationId: optionalId,
  outcomeNoticeId: optionalId,
  /** The linked consultation's opinions, by their numbers ("#12"). */
  opinionNumbers: z.array(z.number().int().min(1).max(1_000_000)).max(200).default([]),
  startOn: optionalDate,
  endOn: optionalDate,
  investor: optionalText(300),
  contractor: optionalText(300),
  supervisor: optionalText(300),
  budget: z.array(budgetLineSchema).max(MAX_BUDGET_LINES, { error: "workTooManyBudgetLines" }).default([]),
});

export const workIdSchema = z.object({ communeId, workId: id });

export const postMilestoneSchema = z.object({
  communeId,
  workId: id,
  occurredOn: z.string().refine(isIsoDate, { error: "workDateInvalid" }),
  body: z.string().trim().min(5, { error: "workMilestoneBodyRequired" }).max(5000, { error: "tooLong" }),
  /** "" is "no change". */
  progress: z
    .union([z.literal("").transform(() => null), z.coerce.number({ error: "workProgressInvalid" }).int({ error: "workProgressInvalid" }).min(0, { error: "workProgressInvalid" }).max(100, { error: "workProgressInvalid" })])
    .nullish()
    .transform((v) => v ?? null),
  toStatus: z
    .union([z.literal("").transform(() => null), z.enum(WORK_STATUSES, { error: "workStatusInvalid" })])
    .nullish()
    .transform((v) => v ?? null),
  photoIds: z.array(id).max(MAX_MILESTONE_PHOTOS, { error: "workTooManyPhotos" }).default([]),
});

export const commentSchema = z.object({
  communeId,
  milestoneId: id,
  body: z.string().trim().min(2, { error: "workCommentRequired" }).max(2000, { error: "tooLong" }),
});

export const moderateCommentSchema = z.object({
  communeId,
  commentId: id,
  action: z.enum(["HIDE", "RESTORE"]),
  reason: z.enum(["ABUSE", "PERSONAL_DATA", "SPAM", "OFF_TOPIC", "UNLAWFUL", "OTHER"], { error: "workReasonRequired" }),
  details: optionalText(500),
});

type Values<S extends z.ZodType> = Omit<z.output<S>, "communeId">;
export type SaveWorkValues = Values<typeof saveWorkSchema>;
export type BudgetLineValues = z.output<typeof budgetLineSchema>;
export type PostMilestoneValues = Values<typeof postMilestoneSchema>;
export type CommentValues = Values<typeof commentSchema>;
export type ModerateCommentValues = Values<typeof moderateCommentSchema>;
