// Who does what with dialogue conferences. Staff and the Front plan them together (Law 10/2022 Art. 32:
// the People's Committee holds them with the Fatherland Front); staff record and publish the results
// and moderate questions; the Front sees everything, hidden questions included.
import { FRONT_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

export const PLAN_ROLES: Role[] = [...STAFF_ROLES, ...FRONT_ROLES];
export const RECORD_ROLES: Role[] = STAFF_ROLES;
export const MODERATE_ROLES: Role[] = STAFF_ROLES;
/** Those who see hidden questions, unpublished minutes files and the follow-up lists. */
export const OVERSEE_ROLES: Role[] = [...STAFF_ROLES, ...FRONT_ROLES];
/** Residents ask, agree and sign. */
export const RESIDENT_ROLES: Role[] = ["RESIDENT"];
