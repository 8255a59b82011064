import { z } from "zod";

const id = z.string().min(1).max(40);
const communeId = z.string().min(1).max(40);
/** The day a change took effect, as a date field sends it ("2026-03-05"); checked further in list-day.ts. */
const effectiveOn = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "listDayInvalid" });
const code = z.string().trim().min(1, { error: "required" }).max(50, { error: "tooLong" });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "tooLong" })
    .optional()
    .transform((v) => v || null);

export const editHouseholdSchema = z.object({ communeId, householdId: id, address: optionalText(300), representativeId: optionalText(40), effectiveOn });
export const movePersonSchema = z.object({ communeId, residentId: id, toHouseholdCode: code, effectiveOn });
export const moveHouseholdSchema = z.object({ communeId, householdId: id, villageId: id, effectiveOn });
export const splitHouseholdSchema = z.object({
  communeId,
  householdId: id,
  residentIds: z.array(id).min(1, { error: "splitChooseMembers" }).max(50),
  newCode: code,
  address: optionalText(300),
  representativeId: optionalText(40),
  effectiveOn,
});
export const markPersonGoneSchema = z.object({ communeId, residentId: id, reason: z.enum(["DIED", "MOVED_AWAY"]), effectiveOn });
export const markHouseholdMovedAwaySchema = z.object({ communeId, householdId: id, effectiveOn });

export const mergeVillagesSchema = z.object({
  communeId,
  villageIds: z.array(id).min(1, { error: "mergeNeedsTwo" }).max(30),
  intoVillageId: optionalText(40),
  newName: optionalText(100),
  effectiveOn,
});
export const splitVillageSchema = z.object({
  communeId,
  villageId: id,
  newName: z.string().trim().min(2, { error: "villageNameRequired" }).max(100, { error: "tooLong" }),
  /** Household codes, separated by commas, spaces or new lines. */
  householdCodes: z
    .string()
    .max(20_000, { error: "tooLong" })
    .transform((v) => v.split(/[\s,;]+/).filter(Boolean)),
  effectiveOn,
});

export const requestCorrectionSchema = z.object({ communeId, body: z.string().trim().min(5, { error: "correctionTooShort" }).max(2000, { error: "tooLong" }) });
export const answerCorrectionSchema = z.object({ communeId, correctionId: id, answer: z.string().trim().min(2, { error: "correctionAnswerRequired" }).max(2000, { error: "tooLong" }) });
