import { z } from "zod";

import { isIsoDate } from "@/lib/consultations/periods";

const id = z.string().min(1).max(40);
const line = (max: number) => z.string().trim().min(3, { error: "tooShort" }).max(max, { error: "tooLong" });
const text = (max: number) => z.string().trim().min(10, { error: "tooShort" }).max(max, { error: "tooLong" });
/** The day the step happened (Vietnam date); empty: now. */
const on = z.union([z.literal(""), z.string().refine(isIsoDate, { error: "invalidDate" })]).default("");

export const proposeSchema = z
  .object({
    communeId: id,
    /** Empty for a new convention; an amendment names the convention it amends. */
    conventionId: z.union([z.literal(""), id]).default(""),
    villageId: z.union([z.literal(""), id]).default(""),
    title: z.union([z.literal(""), line(200)]).default(""),
    proposer: z.enum(["HEAD_WITH_FRONT", "CITIZENS"]),
    frontHeadName: z.string().trim().max(120).default(""),
    signatures: z.number().int().min(0).max(100000).nullable().default(null),
    summary: text(3000),
    on,
  })
  .superRefine((v, ctx) => {
    if (!v.conventionId && !v.villageId) ctx.addIssue({ code: "custom", path: ["villageId"], message: "conventionVillageRequired" });
    if (!v.conventionId && !v.title) ctx.addIssue({ code: "custom", path: ["title"], message: "tooShort" });
    if (v.proposer === "HEAD_WITH_FRONT" && v.frontHeadName.length < 3) ctx.addIssue({ code: "custom", path: ["frontHeadName"], message: "conventionFrontHeadRequired" });
    if (v.proposer === "CITIZENS" && v.signatures === null) ctx.addIssue({ code: "custom", path: ["signatures"], message: "conventionSignaturesRequired" });
  });

const versionInput = { communeId: id, versionId: id };

export const draftingGroupSchema = z.object({ ...versionInput, members: text(2000), on });
export const draftTextSchema = z.object({ ...versionInput, text: text(100000) });
export const linkConsultationSchema = z.object({ ...versionInput, consultationId: id });
export const versionStepSchema = z.object({ ...versionInput, on });
export const decideSchema = z
  .object({ ...versionInput, recognise: z.boolean(), reasons: z.string().trim().max(4000).default("") })
  .refine((v) => v.recognise || v.reasons.length >= 10, { path: ["reasons"], message: "conventionReasonsRequired" });

export const groundsSchema = z.object({ communeId: id, conventionId: id, kind: z.enum(["SUSPENSION", "REPEAL"]), note: text(3000), on });
export const sanctionSchema = z.object({ communeId: id, conventionId: id, kind: z.enum(["SUSPENSION", "REPEAL"]) });
export const reviewSchema = z.object({ communeId: id, conventionId: id, year: z.number().int().min(2000).max(2100), outcome: z.enum(["KEEP", "AMEND", "REPEAL"]), note: text(3000), on });

export type ProposeInput = z.infer<typeof proposeSchema>;
