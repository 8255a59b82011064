// Who takes which step of a contested vote: the household disputes, staff propose, the Front decides.
// One list per step, used by the server actions and tested per role.
import { FRONT_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

/** A signed-in member of the household in whose name the vote was recorded. */
export const DISPUTE_ROLES: readonly Role[] = ["RESIDENT"];
/** Commune staff propose voiding a disputed vote; they cannot confirm it themselves. */
export const PROPOSE_VOID_ROLES: readonly Role[] = STAFF_ROLES;
/** The Fatherland Front confirms or rejects the proposal (Law 10/2022 Art. 23.3). */
export const DECIDE_VOID_ROLES: readonly Role[] = FRONT_ROLES;
/** Those who read the list of disputes. */
export const DISPUTE_READER_ROLES: readonly Role[] = [...STAFF_ROLES, ...FRONT_ROLES];
