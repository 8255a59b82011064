// Shared by the staff form (react-hook-form resolver) and the server. Messages are keys under
// "errors" in the catalogues; the form translates them.
import { z } from "zod";

import { Channel, LegalCategory, MatterKind, Subject } from "@/lib/generated/prisma/enums";

import { encodeMessage } from "@/lib/i18n/message-key";

import { checkEditedPeriods, type PeriodFields } from "./edit-rules";
import { CATEGORY_RULES } from "./legal-rules";
import { checkPeriods, isIsoDate } from "./periods";

const isoDate = z.string().refine(isIsoDate, { error: "invalidDate" });
const optionalIsoDate = z
  .string()
  .optional()
  .nullable()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || isIsoDate(v), { error: "invalidDate" });

export const sectionSchema = z.object({
  /** An existing section keeps its id (and its anchor, and the opinions anchored to it) when edited. */
  id: z.string().max(40).optional(),
  heading: z.string().trim().min(1, { error: "required" }).max(200, { error: "tooLong" }),
  body: z.string().max(50_000, { error: "tooLong" }),
});

export const consultationFields = z.object({
  communeId: z.string().min(1),
  title: z.string().trim().min(5, { error: "tooShort" }).max(200, { error: "tooLong" }),
  summary: z.string().trim().min(10, { error: "tooShort" }).max(1000, { error: "tooLong" }),
  matterKind: z.enum(MatterKind),
  legalCategory: z.enum(LegalCategory),
  subject: z.enum(Subject),
  isCommuneWide: z.boolean(),
  villageIds: z.array(z.string().max(40)).max(200),
  allowedChannels: z.array(z.enum(Channel)).min(1, { error: "noChannel" }),
  postingStartsAt: optionalIsoDate,
  postingEndsAt: optionalIsoDate,
  commentStartsAt: isoDate,
  commentEndsAt: isoDate,
  legalBasis: z.string().trim().max(2000, { error: "tooLong" }),
  responsibleOfficer: z.string().trim().max(200, { error: "tooLong" }),
  sections: z.array(sectionSchema).min(1, { error: "required" }).max(50),
  /** A GeoJSON FeatureCollection; checked in full on the server (lib/consultations/geometry.ts). */
  geometry: z.unknown().nullable(),
  showResultsLive: z.boolean(),
  requiresBroadcast: z.boolean(),
  onlineVoteNoticeGiven: z.boolean(),
});

export type ConsultationInput = z.input<typeof consultationFields>;

type Fields = z.output<typeof consultationFields>;

/** Rules that span fields: the category belongs to the kind, scope names villages, posting has both dates. */
function refineFields(value: Fields, ctx: z.RefinementCtx) {
  if (CATEGORY_RULES[value.legalCategory].kind !== value.matterKind) {
    ctx.addIssue({ code: "custom", path: ["legalCategory"], message: "categoryKindMismatch" });
  }
  if (!value.isCommuneWide && value.villageIds.length === 0) {
    ctx.addIssue({ code: "custom", path: ["villageIds"], message: "noVillage" });
  }
  if (Boolean(value.postingStartsAt) !== Boolean(value.postingEndsAt)) {
    ctx.addIssue({ code: "custom", path: ["postingEndsAt"], message: "postingBothDates" });
  }
}

function addPeriodIssues(ctx: z.RefinementCtx, problems: { field: string; code: string; params: Record<string, string | number> }[]) {
  for (const p of problems) ctx.addIssue({ code: "custom", path: [p.field], message: encodeMessage(p.code, p.params) });
}

/** A new consultation. Periods are checked with the default rules here, again on the server with the commune's settings. */
export const consultationSchema = consultationFields.superRefine((value, ctx) => {
  refineFields(value, ctx);
  addPeriodIssues(
    ctx,
    checkPeriods({
      category: value.legalCategory,
      commentStartsAt: value.commentStartsAt,
      commentEndsAt: value.commentEndsAt,
      postingStartsAt: value.postingStartsAt,
      postingEndsAt: value.postingEndsAt,
    }),
  );
});

const updateFields = consultationFields.extend({
  consultationId: z.string().min(1).max(40),
  /** The consultation's updatedAt when the form was opened: an edit never overwrites someone else's. */
  expectedUpdatedAt: z.iso.datetime(),
  /** Shown in the public version history after publication. */
  changeNote: z.string().trim().max(500, { error: "tooLong" }).default(""),
});

export type ConsultationUpdateInput = z.input<typeof updateFields>;

/** An edit, as the server takes it: periods are checked in updateConsultation against what was published. */
export const consultationUpdateSchema = updateFields.superRefine(refineFields);

export type ConsultationUpdateValues = z.output<typeof consultationUpdateSchema>;

/** The edit form's schema: the same period rules as the server, judged against what was published. */
export function consultationEditSchema(published: PeriodFields | null, now = new Date()) {
  return updateFields.superRefine((value, ctx) => {
    refineFields(value, ctx);
    addPeriodIssues(ctx, checkEditedPeriods(value, published, undefined, now));
  });
}

export type ConsultationValues = z.output<typeof consultationSchema>;

export const consultationRefSchema = z.object({
  communeId: z.string().min(1),
  consultationId: z.string().min(1).max(40),
});

/** A date and time on Vietnam's clock, as a datetime-local field gives it: "2026-12-01T08:00". */
const vnDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "invalidDate" });

export const scheduleSchema = consultationRefSchema.extend({ publishAt: vnDateTime });

export const geometryImportSchema = z.object({
  communeId: z.string().min(1),
  /** The file's text; its size is checked against MAX_GEOJSON_BYTES by validateGeometry. */
  text: z.string().max(2 * 1024 * 1024, { error: "geojsonTooLarge" }),
});

export const attachmentRefSchema = z.object({
  communeId: z.string().min(1),
  attachmentId: z.string().min(1).max(40),
});

export const attachmentTitleSchema = attachmentRefSchema.extend({
  title: z.string().trim().min(1, { error: "required" }).max(200, { error: "tooLong" }),
});

export const listFiltersSchema = z.object({
  village: z.string().max(40).optional().catch(undefined),
  kind: z.enum(MatterKind).optional().catch(undefined),
  subject: z.enum(Subject).optional().catch(undefined),
  status: z.enum(["open", "closed", "all"]).default("open").catch("open"),
  q: z.string().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).default(1).catch(1),
  view: z.enum(["map", "list"]).default("map").catch("map"),
});

export type ListFilters = z.output<typeof listFiltersSchema>;
