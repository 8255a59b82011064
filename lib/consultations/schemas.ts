// Shared by the staff form (react-hook-form resolver) and the server. Messages are keys under
// "errors" in the catalogues; the form translates them.
import { z } from "zod";

import { Channel, LegalCategory, MatterKind, Subject } from "@/lib/generated/prisma/enums";

import { encodeMessage } from "@/lib/i18n/message-key";

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

/** Rules that span fields: the category belongs to the kind, scope names villages, periods hold. */
export const consultationSchema = consultationFields.superRefine((value, ctx) => {
  if (CATEGORY_RULES[value.legalCategory].kind !== value.matterKind) {
    ctx.addIssue({ code: "custom", path: ["legalCategory"], message: "categoryKindMismatch" });
  }
  if (!value.isCommuneWide && value.villageIds.length === 0) {
    ctx.addIssue({ code: "custom", path: ["villageIds"], message: "noVillage" });
  }
  if (Boolean(value.postingStartsAt) !== Boolean(value.postingEndsAt)) {
    ctx.addIssue({ code: "custom", path: ["postingEndsAt"], message: "postingBothDates" });
  }
  // Default rules here; the server checks again with the commune's own settings.
  for (const p of checkPeriods({
    category: value.legalCategory,
    commentStartsAt: value.commentStartsAt,
    commentEndsAt: value.commentEndsAt,
    postingStartsAt: value.postingStartsAt,
    postingEndsAt: value.postingEndsAt,
  })) {
    ctx.addIssue({ code: "custom", path: [p.field], message: encodeMessage(p.code, p.params) });
  }
});

export type ConsultationValues = z.output<typeof consultationSchema>;

export const consultationRefSchema = z.object({
  communeId: z.string().min(1),
  consultationId: z.string().min(1).max(40),
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
