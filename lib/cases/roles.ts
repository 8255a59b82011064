import { FRONT_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

/** Who receives, classifies and handles cases, and edits the category list and reply templates. */
export const CASE_STAFF_ROLES: Role[] = STAFF_ROLES;
/** Who merges duplicates and names a handler: the same people (a commune has few officials). */
export const CASE_ASSIGN_ROLES: Role[] = STAFF_ROLES;
/** The Front supervises: it sees overdue and reopened cases (never complaint or denunciation contents). */
export const CASE_FRONT_ROLES: Role[] = FRONT_ROLES;
/** Residents file, follow and answer the four-week question. */
export const CASE_RESIDENT_ROLES: Role[] = ["RESIDENT"];
