// Who does what with works and results (issue 13 §1).
import { FRONT_ROLES, STAFF_AREA_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

/** Commune officials create, edit and publish works, post milestones and moderate comments. */
export const WORK_STAFF_ROLES: Role[] = STAFF_ROLES;
/**
 * Who reads works in the staff area (drafts included, edits refused): officials and village heads.
 * The Front supervises (Law 10/2022 Art. 30–45: directly, through what is disclosed, and through the Front and its boards) from the public pages, where every published work,
 * its milestones and its money are shown; its supervision boards get their own area (lib/supervision).
 */
export const WORK_READ_ROLES: Role[] = STAFF_AREA_ROLES;
/** The Front reads the published works as everyone does (never edits them). */
export const WORK_FRONT_ROLES: Role[] = FRONT_ROLES;
/** Residents follow a work and comment on its milestones. */
export const WORK_RESIDENT_ROLES: Role[] = ["RESIDENT"];
