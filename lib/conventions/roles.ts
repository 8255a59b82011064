// Who does what in a convention's life (Decree 61/2023). Staff of the People's Committee record each
// step; a village head proposes (with the Front committee head) for their own village only; the chair or a
// vice-chair (a leader) signs the decisions — recognition, refusal, suspension, repeal; the Front sees every
// clock; residents read the public register.
import { FRONT_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

/** Propose a convention or an amendment: staff (for the village or the citizens), or the village head of that village. */
export const PROPOSE_ROLES: readonly Role[] = [...STAFF_ROLES, "VILLAGE_HEAD"];
/** Record the steps: drafting group, drafts, posting, adoption, dossier, sending, posting, grounds, review. */
export const RECORD_ROLES: readonly Role[] = STAFF_ROLES;
/** Sign the decisions (QĐ): a leader's own act. */
export const SIGN_ROLES: readonly Role[] = ["LEADER"];
/** See the conventions in the making with their clocks and dossiers. */
export const CLOCK_ROLES: readonly Role[] = [...STAFF_ROLES, ...FRONT_ROLES, "VILLAGE_HEAD"];
