// Who takes which step when a village's meeting replaces its individual votes: staff propose, the
// Front confirms or rejects. Tested per role.
import { FRONT_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

export const PROPOSE_MEETING_COUNT_ROLES: readonly Role[] = STAFF_ROLES;
export const DECIDE_MEETING_COUNT_ROLES: readonly Role[] = FRONT_ROLES;
