// Who does what with community investment supervision boards (Law 10/2022 Art. 41–45). Membership is
// per board (SupervisionMember), not a global role: the actions of members pass the commune gate under
// any verified role, then lib/supervision/board-access.ts checks that the caller sits on that board.
import { FRONT_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import { Role } from "@/lib/generated/prisma/enums";

/** The Front sets a board up (Art. 41.1) and records its dissolution once the work is accepted. */
export const SETUP_ROLES: Role[] = FRONT_ROLES;
export const DISSOLVE_ROLES: Role[] = [...FRONT_ROLES, ...STAFF_ROLES];
/** Staff record the commune's (or the investor's) answers to the board's requests (Art. 45.2.c). */
export const ANSWER_ROLES: Role[] = STAFF_ROLES;
/** Those who see every board of the commune (its page, requests and unpublished findings). */
export const OVERSEE_ROLES: Role[] = [...FRONT_ROLES, ...STAFF_ROLES];
/** The commune gate of members' actions: any verified role (a member may be a resident, the Front, the Inspection Board). */
export const MEMBER_GATE_ROLES: Role[] = Object.values(Role);
/** Accounts that may sit for the Front. */
export const FRONT_MEMBER_ROLES: Role[] = FRONT_ROLES;
/** Accounts that may sit for the People's Inspection Board (the INSPECTOR role once it exists, and the Front's reviewers). */
export const INSPECTION_MEMBER_ROLES: Role[] = Object.values(Role).filter((r) => (r as string) === "INSPECTOR" || FRONT_ROLES.includes(r));
/** Accounts that may sit as residents: verified residents (and village heads) of a village the work serves. */
export const RESIDENT_MEMBER_ROLES: Role[] = ["RESIDENT", "VILLAGE_HEAD"];
