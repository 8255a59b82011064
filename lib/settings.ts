// Legal defaults that domain.md marks unconfirmed, or that a commune may tighten, are settings: a
// commune's `settings` JSON overrides the defaults below, key by key.
import { z } from "zod";

import type { LegalCategory } from "@/lib/generated/prisma/enums";

const categoryOverride = z
  .object({
    minCommentDays: z.number().int().min(1).max(365),
    maxCommentDays: z.number().int().min(1).max(365),
    minPostingDays: z.number().int().min(1).max(365),
    requiresBroadcast: z.boolean(),
    thresholdPercent: z.number().min(0).max(100),
  })
  .partial();

const settingsSchema = z.object({
  /** Per legal category overrides of lib/consultations/legal-rules.ts. */
  legal: z.record(z.string(), categoryOverride).default({}),
  /** How far (km) geometry may reach beyond the commune boundary. */
  geometryReachKm: z.number().min(0).max(100).default(5),
  /** Reports before an opinion is hidden pending review. */
  reportsToHide: z.number().int().min(1).max(100).default(3),
  /** Minutes during which an author may edit an opinion. */
  opinionEditMinutes: z.number().int().min(0).max(24 * 60).default(15),
  opinionMaxLength: z.number().int().min(100).max(20000).default(5000),
  /** Public holidays beyond the fixed ones (Tết, Hùng Kings' day…), "YYYY-MM-DD", for working-day deadlines. */
  extraHolidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
  /** Days after voting closes during which paper ballots and meeting records are still entered. */
  lateEntryDays: z.number().int().min(0).max(30).default(3),
  /** Reactions needed before the report shows opinion groups. */
  minReactionsForGroups: z.number().int().min(0).default(30),
  /** Decree 61/2023 Art. 15: the yearly review of village conventions, "MM-DD" (18 November by default). */
  conventionReviewDay: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/).default("11-18"),
  /**
   * Where document numbers come from (Decree 30/2020 Art. 15, sổ đăng ký văn bản đi; lib/register):
   * SEQUENCE, Dân Bàn numbers in turn; TYPED, staff type the number the office's own register gave.
   */
  documentNumbering: z.enum(["SEQUENCE", "TYPED"]).default("SEQUENCE"),
});

export type CommuneSettings = z.infer<typeof settingsSchema>;
export type CategoryOverride = z.infer<typeof categoryOverride>;

/** Parses a commune's settings; a bad stored value falls back to the defaults rather than failing pages. */
export function readSettings(stored: unknown): CommuneSettings {
  const parsed = settingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

export function categoryOverrides(settings: CommuneSettings, category: LegalCategory): CategoryOverride {
  return settings.legal[category] ?? {};
}
