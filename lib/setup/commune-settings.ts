import "server-only";

// The commune's administrators edit Commune.settings (lib/settings.ts) on the settings screen. Every
// key is validated (a bad value is refused with its field named, never stored) and every legal figure
// is checked against its floor (./settings-floors.ts), refused with a message citing the law. Saving
// writes the whole object at once, in one transaction with its audit event.
import { z } from "zod";

import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/oversight/audit";
import { type CommuneSettings, type SettingsProblem, readSettings, readSettingsReport, settingsSchema } from "@/lib/settings";

import { floorProblems } from "./settings-floors";

export { SETTINGS_ROLES } from "./roles";

/**
 * The screen's input: the settings themselves, with the same rules as the schema that reads them but
 * every key required (a call that names only the commune saves nothing), and the commune.
 */
// Where document numbers come from is chosen on the register page (lib/register), not on this screen: the
// screen's save keeps it as stored.
const KEPT_ELSEWHERE = new Set(["documentNumbering"]);
const requiredShape = Object.fromEntries(
  Object.entries(settingsSchema.shape)
    .filter(([key]) => !KEPT_ELSEWHERE.has(key))
    .map(([key, field]) => [key, (field as z.ZodDefault<z.ZodType>).unwrap()]),
);
export const saveSettingsSchema = z
  .object(requiredShape)
  .extend({ communeId: z.string().min(1).max(40) }) as unknown as z.ZodType<CommuneSettings & { communeId: string }>;
export type SaveSettingsInput = z.input<typeof saveSettingsSchema>;

export async function readCommuneSettings(communeId: string): Promise<{ settings: CommuneSettings; problems: SettingsProblem[] }> {
  const row = await db.commune.findUniqueOrThrow({ where: { id: communeId }, select: { settings: true } });
  return readSettingsReport(row.settings);
}

/** Refuses the first figure below the law (with every such field named), otherwise stores the settings. */
export async function saveCommuneSettings(access: CommuneAccess, values: CommuneSettings) {
  const problems = floorProblems(values.legal);
  if (problems.length) {
    const first = problems[0]!;
    throw new AppError(first.code, 422, first.params, Object.fromEntries(problems.map((p) => [p.field, p.code])));
  }
  // Empty per-category overrides are dropped: "not set" is the law's own figure.
  const legal = Object.fromEntries(Object.entries(values.legal).filter(([, o]) => o && Object.keys(o).length > 0));
  await db.$transaction(async (tx) => {
    const before = await tx.commune.findUniqueOrThrow({ where: { id: access.communeId }, select: { settings: true } });
    const kept = readSettings(before.settings);
    const stored = { ...values, documentNumbering: kept.documentNumbering, legal, extraHolidays: [...new Set(values.extraHolidays)].sort() };
    await tx.commune.update({ where: { id: access.communeId }, data: { settings: stored as Prisma.InputJsonValue } });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "commune.settings",
      entityType: "Commune",
      entityId: access.communeId,
      before: before.settings,
      after: stored,
      details: { keys: Object.keys(stored).sort(), lateEntryDays: stored.lateEntryDays, legal: legal as Prisma.InputJsonValue },
    });
  });
  return { saved: true };
}
