// Input of the reception domain. Error messages are keys under "errors" (errors.reception.json).
import { z } from "zod";

import { CASE_KINDS } from "@/lib/cases/schemas";
import { formFlag as flag, optionalText } from "@/lib/text/form-fields";

const id = z.string().min(1).max(40);
const isoDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "receptionDateInvalid" }).refine((v) => !Number.isNaN(Date.parse(v)), { error: "receptionDateInvalid" });
const time = z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "receptionTimeInvalid" });

/** "2, 4" or [2, 4]: ISO weekdays. */
const weekdays = z
  .union([z.array(z.coerce.number()), z.string()])
  .transform((v) => (typeof v === "string" ? v.split(/[\s,;]+/).filter(Boolean).map(Number) : v))
  .pipe(z.array(z.number().int({ error: "receptionWeekdayInvalid" }).min(1, { error: "receptionWeekdayInvalid" }).max(7, { error: "receptionWeekdayInvalid" })).max(7))
  .transform((v) => [...new Set(v)].sort());

export const scheduleSchema = z
  .object({
    communeId: id,
    weekdays,
    place: z.string().trim().min(3, { error: "tooShort" }).max(300, { error: "tooLong" }),
    startTime: time,
    endTime: time,
    slotMinutes: z.coerce.number({ error: "receptionSlotInvalid" }).int().min(10, { error: "receptionSlotInvalid" }).max(240, { error: "receptionSlotInvalid" }),
    slotCapacity: z.coerce.number({ error: "receptionCapacityInvalid" }).int().min(1, { error: "receptionCapacityInvalid" }).max(50, { error: "receptionCapacityInvalid" }),
  })
  .refine((v) => v.startTime < v.endTime, { error: "receptionHoursInvalid", path: ["endTime"] });

export const bookSchema = z.object({ communeId: id, day: isoDate, slotTime: time, topic: optionalText(300) });
export const cancelBookingSchema = z.object({ communeId: id, bookingId: id });

export const openSessionSchema = z.object({
  communeId: id,
  heldOn: isoDate,
  /** The official who receives: the chair on his days, else the staff member at the desk. */
  hostId: id,
  place: optionalText(300),
});

export const visitSchema = z.object({
  communeId: id,
  sessionId: id,
  visitorName: z.string().trim().min(2, { error: "tooShort" }).max(120, { error: "tooLong" }),
  visitorAddress: z.string().trim().min(3, { error: "tooShort" }).max(300, { error: "tooLong" }),
  idNumber: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v?.replace(/\s+/g, "").toUpperCase() || null)
    .refine((v) => v === null || /^[0-9A-Z]{6,20}$/.test(v), { error: "receptionIdInvalid" }),
  summary: z.string().trim().min(10, { error: "tooShort" }).max(5000, { error: "tooLong" }),
  kind: z.enum(CASE_KINDS, { error: "caseKindInvalid" }),
  peopleCount: z.coerce.number({ error: "receptionPeopleInvalid" }).int().min(1, { error: "receptionPeopleInvalid" }).max(10_000, { error: "receptionPeopleInvalid" }).default(1),
  /** One a line, or a list. */
  representatives: z
    .union([z.array(z.string()), z.string()])
    .nullish()
    .transform((v) => (typeof v === "string" ? v.split(/\r?\n|;/) : (v ?? [])).map((s) => s.trim()).filter(Boolean)),
  handledBy: optionalText(500),
  competent: flag,
  guidedTo: optionalText(500),
  acceptedBy: optionalText(500),
  followUp: optionalText(2000),
  notes: optionalText(2000),
  conclusion: optionalText(5000),
  deadline: z.union([z.literal(""), isoDate]).nullish().transform((v) => v || null),
  bookingId: z.string().max(40).nullish().transform((v) => v || null),
  /** Open a case from this visit in the same step. */
  openCase: flag,
  categoryId: z.string().max(40).nullish().transform((v) => v || null),
});

export const openCaseSchema = z.object({ communeId: id, visitId: id, categoryId: z.string().max(40).nullish().transform((v) => v || null) });
export const visitIdSchema = z.object({ communeId: id, visitId: id });
export const sessionIdSchema = z.object({ communeId: id, sessionId: id });

export type ScheduleValues = z.output<typeof scheduleSchema>;
export type BookValues = z.output<typeof bookSchema>;
export type OpenSessionValues = z.output<typeof openSessionSchema>;
export type VisitValues = z.output<typeof visitSchema>;
export type VisitInput = z.input<typeof visitSchema>;
