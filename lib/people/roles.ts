import { STAFF_AREA_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Who may do what with the commune's people, in one place: the server actions, the route handlers
 * and the pages use these, and the integration tests check each one for every role.
 */
export const PEOPLE_ROLES = {
  /** Import the household and resident list (upload, preview, confirm, template). */
  importList: STAFF_ROLES,
  /** Verify or reject registrations waiting for staff. */
  verifyRegistration: STAFF_ROLES,
  /** Mark a household's representative. */
  setRepresentative: STAFF_ROLES,
  /** Read the text-message outbox. */
  readOutbox: STAFF_ROLES,
  /** Look people up on the list: staff the whole commune, a village head their own village. */
  searchResidents: STAFF_AREA_ROLES,
  /** Print invitation codes: a village head, for people of their own village only. */
  issueInvite: ["VILLAGE_HEAD"],
} as const satisfies Record<string, readonly Role[]>;

/** Grant and withdraw the roles of the commune's officials: administrators only. */
export const OFFICIALS_ROLES: readonly Role[] = ["ADMIN"];
