// Who does what with a citizens' initiative (Law 10/2022 Art. 16.3): residents propose and sign for
// their household; staff and village heads (their own village only) enter paper signatures; the village
// head (or staff, for them) records that the matter was put to the village.
import { STAFF_ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

export const RESIDENT_ROLES: Role[] = ["RESIDENT"];
export const ENTER_ROLES: Role[] = [...STAFF_ROLES, "VILLAGE_HEAD"];
