import { STAFF_ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Who keeps the breach register and records requests from people without an account: the commune's
 * staff, leaders and administrators (the controller's side). Not the Front, not village heads.
 */
export const PRIVACY_STAFF_ROLES: Role[] = STAFF_ROLES;
