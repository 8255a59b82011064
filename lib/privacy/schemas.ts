import { z } from "zod";

import { fromVnDateTime } from "@/lib/consultations/periods";
import { optionalText } from "@/lib/text/form-fields";

import { CONSENT_PURPOSES } from "./consent-purposes";

const communeId = z.string().min(1).max(40);
const id = z.string().min(1).max(40);
/** A moment on Vietnam's clock from a datetime-local field, never in the future. */
const pastVnDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "invalidDate" })
  .transform((v) => fromVnDateTime(v))
  .refine((d) => !Number.isNaN(d.getTime()), { error: "invalidDate" })
  .refine((d) => d.getTime() <= Date.now() + 60_000, { error: "dateInFuture" });
const optionalPastVnDateTime = z.union([z.literal("").transform(() => null), pastVnDateTime]).nullish().transform((v) => v ?? null);
const peopleCount = z.coerce.number({ error: "numberInvalid" }).int({ error: "numberInvalid" }).min(0, { error: "numberInvalid" }).max(10_000_000, { error: "numberInvalid" }).nullish().transform((v) => v ?? null);

export const recordBreachSchema = z.object({
  communeId,
  discoveredAt: pastVnDateTime,
  description: z.string().trim().min(10, { error: "tooShort" }).max(4000, { error: "tooLong" }),
  dataConcerned: z.string().trim().min(2, { error: "tooShort" }).max(1000, { error: "tooLong" }),
  peopleAffected: peopleCount,
});

export const updateBreachSchema = z
  .object({
    communeId,
    breachId: id,
    peopleAffected: peopleCount,
    authorityNotifiedAt: optionalPastVnDateTime,
    authorityName: optionalText(300),
    peopleNotifiedAt: optionalPastVnDateTime,
    peopleNotifiedHow: optionalText(1000),
    measures: optionalText(4000),
  })
  .refine((v) => !v.authorityNotifiedAt || v.authorityName, { error: "breachAuthorityNameRequired", path: ["authorityName"] })
  .refine((v) => !v.peopleNotifiedAt || v.peopleNotifiedHow, { error: "breachPeopleHowRequired", path: ["peopleNotifiedHow"] });

export const recordRegisterRequestSchema = z.object({
  communeId,
  requesterName: z.string().trim().min(2, { error: "tooShort" }).max(100, { error: "tooLong" }),
  contact: optionalText(200),
  kind: z.enum(["ACCESS", "CORRECTION", "DELETION"]),
  details: optionalText(2000),
  receivedAt: pastVnDateTime,
});

export const answerRegisterRequestSchema = z.object({
  communeId,
  requestId: id,
  status: z.enum(["DONE", "REFUSED"]),
  answer: z.string().trim().min(5, { error: "tooShort" }).max(4000, { error: "tooLong" }),
});

export const consentSchema = z.object({ communeId, purpose: z.enum(CONSENT_PURPOSES) });
