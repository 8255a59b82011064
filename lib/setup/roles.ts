import type { Role } from "@/lib/generated/prisma/enums";

/** Who edits the commune's settings: its administrators (lib/setup/commune-settings.ts). */
export const SETTINGS_ROLES: readonly Role[] = ["ADMIN"];
