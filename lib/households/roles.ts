import { STAFF_ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

/** Who may do what with the living household list, in one place (checked per role in households.int.test.ts). */
export const HOUSEHOLD_ROLES = {
  /** Edit a household, move a person or a household, split a household, mark a death or a move away. */
  changeList: STAFF_ROLES,
  /** Answer a resident's request to correct their household or village. */
  answerCorrection: STAFF_ROLES,
  /** A resident asks for a correction of their own household or village. */
  requestCorrection: ["RESIDENT"],
  /**
   * Record villages merging or splitting (a decision of the province, as in 2025): the commune's
   * administrators, who set up its villages.
   */
  changeVillages: ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;
