// Who may do what with ballots: one list per kind of operation, used by the server actions, the
// route handlers and the pages, and tested per role.
import { FRONT_ROLES, STAFF_AREA_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

/** Setting up questions and vote channels; choosing a village's source of figures. */
export const BALLOT_STAFF_ROLES: readonly Role[] = STAFF_ROLES;
/** Voting on the web: verified residents (the check loads only verified memberships). */
export const VOTER_ROLES: readonly Role[] = ["RESIDENT"];
/** Entering meetings, paper ballots and assisted votes: staff, and village heads for their own village. */
export const ENTRY_ROLES: readonly Role[] = STAFF_AREA_ROLES;
/** Reading meeting minutes: those who enter them, and the Front, which supervises. */
export const MINUTES_READER_ROLES: readonly Role[] = [...STAFF_AREA_ROLES, ...FRONT_ROLES];
