import type { Role } from "@/lib/generated/prisma/enums";

/** Who sees rating results with the residents' comments: staff, leaders, administrators and the Front. */
export const RATING_RESULTS_ROLES: Role[] = ["STAFF", "LEADER", "ADMIN", "FRONT_REVIEWER"];
/** Who rates: a resident who was invited (the invitation is checked in submit-rating.ts). */
export const RATER_ROLES: Role[] = ["RESIDENT"];
