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
  /** "Nơi nhận" per document type (BC, TB, KH, BB, QĐ): the commune's own list; unset, each document keeps its default. */
  recipients: z.partialRecord(z.enum(["BC", "TB", "KH", "BB", "QD"]), z.array(z.string().trim().min(1).max(200)).min(1).max(20)).default({}),
});

export type CommuneSettings = z.infer<typeof settingsSchema>;
export type CategoryOverride = z.infer<typeof categoryOverride>;

/** A stored key that could not be read: its default is used instead, and the settings screen says so. */
export type SettingsProblem = { key: string; value: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Parses a commune's settings key by key: a bad stored value falls back to its own default (rather
 * than failing pages), and never takes the other keys with it. Per-category overrides are read figure
 * by figure the same way. `problems` names every key that fell back.
 */
export function readSettingsReport(stored: unknown): { settings: CommuneSettings; problems: SettingsProblem[] } {
  const input = isRecord(stored) ? stored : {};
  const problems: SettingsProblem[] = stored !== undefined && stored !== null && !isRecord(stored) ? [{ key: "", value: stored }] : [];
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(settingsSchema.shape)) {
    if (key === "legal") continue;
    const parsed = (field as z.ZodType).safeParse(input[key]);
    if (parsed.success) out[key] = parsed.data;
    else {
      problems.push({ key, value: input[key] });
      out[key] = (field as z.ZodType).parse(undefined);
    }
  }
  const legal: Record<string, CategoryOverride> = {};
  if (input.legal !== undefined && !isRecord(input.legal)) problems.push({ key: "legal", value: input.legal });
  for (const [category, override] of Object.entries(isRecord(input.legal) ? input.legal : {})) {
    if (!isRecord(override)) {
      problems.push({ key: `legal.${category}`, value: override });
      continue;
    }
    const kept: Record<string, unknown> = {};
    for (const [figure, value] of Object.entries(override)) {
      const field = categoryOverride.shape[figure as keyof CategoryOverride];
      const parsed = field?.safeParse(value);
      if (parsed?.success && parsed.data !== undefined) kept[figure] = parsed.data;
      else problems.push({ key: `legal.${category}.${figure}`, value });
    }
    legal[category] = kept as CategoryOverride;
  }
  out.legal = legal;
  return { settings: out as CommuneSettings, problems };
}

/** Parses a commune's settings; a bad stored value falls back to its own default (readSettingsReport). */
export function readSettings(stored: unknown): CommuneSettings {
  return readSettingsReport(stored).settings;
}

export const SETTINGS_KEYS = Object.keys(settingsSchema.shape) as (keyof CommuneSettings)[];
export { categoryOverride as categoryOverrideSchema, settingsSchema };

export function categoryOverrides(settings: CommuneSettings, category: LegalCategory): CategoryOverride {
  return settings.legal[category] ?? {};
}
