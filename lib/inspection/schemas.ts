// Input of the People's Inspection Board. Error messages are keys under "errors" (errors.inspection.json).
import { z } from "zod";

import { formFlag, optionalText } from "@/lib/text/form-fields";

const id = z.string().min(1).max(40);
const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "inspectionDateInvalid" })
  .refine((v) => !Number.isNaN(Date.parse(v)), { error: "inspectionDateInvalid" });
const text = (min: number, max: number) => z.string().trim().min(min, { error: min <= 1 ? "required" : "tooShort" }).max(max, { error: "tooLong" });

export const ITEM_KINDS = ["PLAN", "REQUEST", "VERIFICATION", "RECOMMENDATION", "MINUTES"] as const;
export const POSITIONS = ["HEAD", "DEPUTY", "MEMBER"] as const;

export const recordBoardSchema = z
  .object({
    communeId: id,
    termStart: isoDate,
    termEnd: isoDate,
    recognitionRef: text(3, 200),
    recognisedOn: isoDate,
  })
  .refine((v) => v.termStart < v.termEnd, { error: "inspectionTermInvalid", path: ["termEnd"] });

export const addMemberSchema = z.object({
  communeId: id,
  boardId: id,
  name: text(2, 120),
  villageId: id,
  position: z.enum(POSITIONS, { error: "inspectionPositionInvalid" }).default("MEMBER"),
  /** The phone number or confirmed email of the member's account (optional: a member without one). */
  identifier: optionalText(200),
});

export const memberIdSchema = z.object({ communeId: id, memberId: id });

export const fileItemSchema = z.object({
  communeId: id,
  kind: z.enum(ITEM_KINDS, { error: "inspectionKindInvalid" }),
  title: text(5, 200),
  body: text(10, 10_000),
  subject: optionalText(300),
  startsOn: z.union([isoDate, z.literal("")]).nullish().transform((v) => v || null),
  endsOn: z.union([isoDate, z.literal("")]).nullish().transform((v) => v || null),
  /** A verification: the number of the case residents raised ("#12"). */
  caseNumber: z.coerce.number({ error: "inspectionCaseNumberInvalid" }).int().min(1, { error: "inspectionCaseNumberInvalid" }).max(10_000_000).nullish(),
  isPublic: formFlag,
});
export type FileItemInput = z.output<typeof fileItemSchema>;

export const itemIdSchema = z.object({ communeId: id, itemId: id });
export const answerSchema = z.object({ communeId: id, itemId: id, answer: text(10, 10_000) });
