import { z } from "zod";

import { isIsoDate } from "@/lib/consultations/periods";

const id = z.string().min(1).max(40);
const line = (max: number) => z.string().trim().min(3, { error: "tooShort" }).max(max, { error: "tooLong" });
const vnDate = z.string().refine(isIsoDate, { error: "invalidDate" });
const positive = z.number({ error: "invalidNumber" }).int({ error: "invalidNumber" }).min(1, { error: "invalidNumber" }).max(1_000_000_000, { error: "invalidNumber" });

export const createContributionSchema = z
  .object({
    communeId: id,
    consultationId: id,
    title: line(200),
    description: z.string().trim().max(3000, { error: "tooLong" }).default(""),
    unit: z.enum(["MONEY", "LABOUR_DAYS"]),
    levelPerHousehold: positive,
    periodStart: vnDate,
    periodEnd: vnDate,
    /** Empty: the villages of the decision. */
    villageIds: z.array(id).max(200).default([]),
    workId: z.union([z.literal(""), id]).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.periodEnd < v.periodStart) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "contributionPeriodOrder" });
  });
export type CreateContributionValues = z.output<typeof createContributionSchema>;

export const addCategorySchema = z.object({
  communeId: id,
  contributionId: id,
  name: line(120),
  /** Empty: full exemption. */
  reducedLevel: z.number({ error: "invalidNumber" }).int({ error: "invalidNumber" }).min(0, { error: "invalidNumber" }).nullable().default(null),
});
export type AddCategoryValues = z.output<typeof addCategorySchema>;

export const contributionIdSchema = z.object({ communeId: id, contributionId: id });

export const recordReceiptSchema = z.object({
  communeId: id,
  contributionId: id,
  householdCode: line(40),
  amount: positive,
  receivedOn: vnDate,
  receivedBy: line(120),
  receiptNumber: z.string().trim().min(1, { error: "tooShort" }).max(40, { error: "tooLong" }),
});
export type RecordReceiptValues = z.output<typeof recordReceiptSchema>;

export const reverseEntrySchema = z.object({ communeId: id, contributionId: id, entryId: id, reason: line(500) });
export type ReverseEntryValues = z.output<typeof reverseEntrySchema>;

export const exemptHouseholdSchema = z.object({ communeId: id, contributionId: id, householdCode: line(40), categoryId: id });
export type ExemptHouseholdValues = z.output<typeof exemptHouseholdSchema>;

export const recordSpendingSchema = z.object({ communeId: id, contributionId: id, spentOn: vnDate, description: line(500), amount: positive });
export type RecordSpendingValues = z.output<typeof recordSpendingSchema>;

export const discloseSchema = z.object({ communeId: id, contributionId: id, location: line(300) });
export type DiscloseValues = z.output<typeof discloseSchema>;
