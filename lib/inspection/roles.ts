// Who does what with the People's Inspection Board (Law 10/2022 Art. 36–40). The board sees and
// asks, never edits the commune's records: its members file their own plans, requests, verifications,
// recommendations and minutes, and read (never change) the cases they verify. The commune's staff and
// leaders answer; the Front records the board and countersigns its minutes and recommendations
// (Art. 40.2.d); nobody else writes here.
import { FRONT_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

/** A board member, recognised by the Front. */
export const INSPECTOR_ROLES: readonly Role[] = ["INSPECTOR"];
/** File plans, requests, verifications, recommendations and minutes; send a plan. */
export const BOARD_WRITER_ROLES: readonly Role[] = INSPECTOR_ROLES;
/** Answer a request or a recommendation on behalf of the People's Committee. */
export const ANSWERING_ROLES: readonly Role[] = STAFF_ROLES;
/** Record the board and its members; countersign minutes and recommendations. */
export const FRONT_BOARD_ROLES: readonly Role[] = FRONT_ROLES;
/** Read the board's workspace and its reports. */
export const WORKSPACE_READER_ROLES: readonly Role[] = [...INSPECTOR_ROLES, ...FRONT_ROLES, ...STAFF_ROLES];

export const isInspector = (roles: readonly Role[]) => roles.includes("INSPECTOR");
