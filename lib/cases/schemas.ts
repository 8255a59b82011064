// Input of the case domain, validated with zod. Error messages are keys under "errors" (errors.cases.json).
import { z } from "zod";

import { fromVnDateTime } from "@/lib/consultations/periods";
import { normalizePhone } from "@/lib/people/phone";
import { formFlag as flag, optionalText } from "@/lib/text/form-fields";

export const CASE_KINDS = ["PETITION", "FEEDBACK", "COMPLAINT", "DENUNCIATION"] as const;
export const CASE_STATES = ["RECEIVED", "CLASSIFIED", "ACCEPTED", "IN_PROGRESS", "RESOLVED", "REFUSED", "TRANSFERRED"] as const;
export const CASE_SOURCES = ["WEB", "STAFF", "RECEPTION", "OPEN311", "PAPER"] as const;
/** The sources of a case entered by staff for someone else. */
export const STAFF_SOURCES = ["STAFF", "RECEPTION", "PAPER"] as const;
export const MAX_CASE_PHOTOS = 3;

const communeId = z.string().min(1).max(40);
const id = z.string().min(1).max(40);
const optionalId = z
  .string()
  .max(40)
  .nullish()
  .transform((v) => v || null);
const coordinate = (min: number, max: number) =>
  z.union([z.literal("").transform(() => null), z.coerce.number({ error: "pinInvalid" }).min(min, { error: "pinInvalid" }).max(max, { error: "pinInvalid" })]).nullish().transform((v) => v ?? null);
const phone = z
  .string()
  .trim()
  .max(30, { error: "tooLong" })
  .nullish()
  .transform((v, ctx) => {
    if (!v) return null;
    const normal = normalizePhone(v);
    if (!normal) {
      ctx.addIssue({ code: "custom", message: "phoneInvalid" });
      return z.NEVER;
    }
    return normal;
  });

/** What every intake has, whoever files it. */
export const caseIntakeSchema = z
  .object({
    kind: z.enum(CASE_KINDS, { error: "caseKindInvalid" }),
    categoryId: optionalId,
    title: z.string().trim().min(3, { error: "tooShort" }).max(200, { error: "tooLong" }),
    body: z.string().trim().min(10, { error: "tooShort" }).max(5000, { error: "tooLong" }),
    isPublic: flag,
    lat: coordinate(-90, 90),
    lng: coordinate(-180, 180),
    address: optionalText(300),
    villageId: optionalId,
    senderName: optionalText(120),
    senderPhone: phone,
    senderAddress: optionalText(300),
    notifyBySms: flag,
    photoIds: z.array(id).max(MAX_CASE_PHOTOS, { error: "tooManyPhotos" }).default([]),
    handlerId: optionalId,
    isComplex: flag,
    externalClientId: optionalText(100),
  })
  .refine((v) => (v.lat === null) === (v.lng === null), { error: "pinIncomplete", path: ["lat"] })
  .refine((v) => !v.notifyBySms || v.senderPhone !== null, { error: "smsNeedsPhone", path: ["senderPhone"] })
  // Petitions and feedback are sorted by category (the commune's list); complaints and denunciations
  // follow their own procedure and need none.
  .refine((v) => v.categoryId !== null || v.kind === "COMPLAINT" || v.kind === "DENUNCIATION", { error: "categoryRequired", path: ["categoryId"] });

export type CaseIntake = z.input<typeof caseIntakeSchema>;
export type CaseIntakeValues = z.output<typeof caseIntakeSchema>;

/** A moment on Vietnam's clock from a datetime-local field, never in the future (a letter received last week). */
const pastVnDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "invalidDate" })
  .transform((v) => fromVnDateTime(v))
  .refine((d) => !Number.isNaN(d.getTime()), { error: "invalidDate" })
  .refine((d) => d.getTime() <= Date.now() + 60_000, { error: "dateInFuture" });

/** A signed-in resident files a petition or feedback (or a complaint, a denunciation) on the web. */
export const residentFileCaseSchema = z.object({ communeId }).and(caseIntakeSchema);

/** Staff file a case for a caller, a visitor or a letter: the sender's name is required. */
export const staffFileCaseSchema = z
  .object({
    communeId,
    source: z.enum(STAFF_SOURCES, { error: "caseSourceInvalid" }),
    receivedAt: z.union([z.literal("").transform(() => null), pastVnDateTime]).nullish().transform((v) => v ?? null),
  })
  .and(caseIntakeSchema)
  .refine((v) => v.senderName !== null, { error: "senderNameRequired", path: ["senderName"] });

const text = (min: number, max: number) => z.string().trim().min(min, { error: "tooShort" }).max(max, { error: "tooLong" });

/** Staff move a case to a new state ("" = an update without a state change), with its dated update. */
export const moveCaseSchema = z.object({
  communeId,
  caseId: id,
  toState: z.union([z.literal("").transform(() => null), z.enum(CASE_STATES, { error: "caseStateNotAllowed" })]).nullish().transform((v) => v ?? null),
  body: z.string().trim().max(5000, { error: "tooLong" }).default(""),
  isPublic: flag,
  templateId: optionalId,
  refusalReason: optionalText(2000),
  transferredTo: optionalText(300),
  acknowledges: flag,
  photoIds: z.array(id).max(MAX_CASE_PHOTOS, { error: "tooManyPhotos" }).default([]),
});

export const assignHandlerSchema = z.object({ communeId, caseId: id, handlerId: id });

export const reclassifyCaseSchema = z.object({
  communeId,
  caseId: id,
  kind: z.enum(CASE_KINDS, { error: "caseKindInvalid" }),
  categoryId: optionalId,
  isPublic: flag,
  isComplex: flag,
});

/** Merge `caseId` (the duplicate) into the case numbered `intoNumber`. */
export const mergeCasesSchema = z.object({ communeId, caseId: id, intoNumber: z.coerce.number({ error: "caseNumberInvalid" }).int({ error: "caseNumberInvalid" }).min(1, { error: "caseNumberInvalid" }) });

export const followCaseSchema = z.object({ communeId, caseId: id });

export const answerFixCheckSchema = z.object({ communeId, caseId: id, answer: z.enum(["YES", "NO", "DONT_KNOW"], { error: "invalidInput" }) });

export const saveCategorySchema = z.object({
  communeId,
  categoryId: optionalId,
  code: z.string().trim().min(1, { error: "tooShort" }).max(40, { error: "tooLong" }).regex(/^[a-z0-9][a-z0-9_-]*$/, { error: "categoryCodeInvalid" }),
  name: text(2, 120),
  nameEn: optionalText(120),
  description: optionalText(1000),
  expectedResolutionDays: z.coerce.number({ error: "numberInvalid" }).int({ error: "numberInvalid" }).min(1, { error: "numberInvalid" }).max(365, { error: "numberInvalid" }),
  active: flag,
  sortOrder: z.coerce.number({ error: "numberInvalid" }).int({ error: "numberInvalid" }).min(0, { error: "numberInvalid" }).max(1000, { error: "numberInvalid" }).nullish().transform((v) => v ?? 0),
});

export const saveReplyTemplateSchema = z.object({
  communeId,
  templateId: optionalId,
  state: z.enum(CASE_STATES, { error: "caseStateNotAllowed" }),
  title: text(2, 120),
  body: text(5, 5000),
  active: flag,
});
