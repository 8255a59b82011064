// Who does what at the reception desk. The register holds ID numbers and the names of complainants
// and denouncers: staff and leaders keep it (the chair records the sessions he holds); the Front reads
// it for supervision without any ID number or a denouncer's identity; village heads do not see it.
import { FRONT_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

/** Keep the register: open sessions, record visits, open cases, issue the conclusion notice, export. */
export const REGISTER_KEEPER_ROLES: readonly Role[] = STAFF_ROLES;
/** Read a register entry's ID number (each read audited). */
export const ID_READER_ROLES: readonly Role[] = STAFF_ROLES;
/** Read the register (the Front without ID numbers nor a denouncer's identity). */
export const REGISTER_READER_ROLES: readonly Role[] = [...STAFF_ROLES, ...FRONT_ROLES];
/** Book a slot on a reception day. */
export const BOOKING_ROLES: readonly Role[] = ["RESIDENT"];

export const readsIds = (roles: readonly Role[]) => roles.some((r) => ID_READER_ROLES.includes(r));
