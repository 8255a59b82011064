// The commune's choice of where numbers come from (settings.documentNumbering, lib/settings.ts): Dân
// Bàn's own sequence or the office's register. Only that key of the settings is written (jsonb_set),
// so the other settings stay as they are. Lines already waiting for a typed number keep waiting.
import "server-only";

import type { z } from "zod";

import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { readSettings } from "@/lib/settings";

import { REGISTER_MODE_ROLES } from "./roles";
import type { numberingModeSchema } from "./schemas";

export async function setNumberingMode(access: CommuneAccess, input: z.output<typeof numberingModeSchema>) {
  if (!REGISTER_MODE_ROLES.some((r) => access.roles.includes(r))) throw forbidden();
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ settings: unknown }[]>`SELECT "settings" FROM "Commune" WHERE "id" = ${access.communeId} FOR UPDATE`;
    const before = readSettings(row?.settings).documentNumbering;
    await tx.$queryRaw`
      UPDATE "Commune" SET "settings" = jsonb_set(COALESCE("settings", '{}'::jsonb), '{documentNumbering}', to_jsonb(${input.mode}::text))
      WHERE "id" = ${access.communeId} RETURNING "id"`;
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "register.mode",
      entityType: "Commune",
      entityId: access.communeId,
      before: { documentNumbering: before },
      after: { documentNumbering: input.mode },
    });
    return { mode: input.mode };
  });
}
