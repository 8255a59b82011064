// Who works on the periodic reports and the dashboard. The People's Committee's staff, leaders and
// administrators draft and issue them; the Fatherland Front, which receives them (Law 10/2022 Art.
// 14.3, 23.1, 28.5), reads them and the dashboard. Residents and visitors see the posted list on the
// notice boards, not here.
import { FRONT_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

/** Save the text of a draft; issue the report (which takes the register's number). */
export const PERIODIC_WRITER_ROLES: readonly Role[] = STAFF_ROLES;
/** Download the reports and the quarterly disclosure list; open the dashboard. */
export const PERIODIC_READER_ROLES: readonly Role[] = [...STAFF_ROLES, ...FRONT_ROLES];
