import type { Role } from "@/lib/generated/prisma/enums";

/** Staff register documents for signature, leaders sign them; nobody else issues or types numbers. */
export const ISSUING_ROLES: readonly Role[] = ["LEADER", "STAFF", "ADMIN"];

/** Who chooses whether Dân Bàn or the office's own register gives the numbers. */
export const REGISTER_MODE_ROLES: readonly Role[] = ["LEADER", "ADMIN"];

/** Who reads the register. */
export const REGISTER_READER_ROLES: readonly Role[] = ["LEADER", "STAFF", "ADMIN"];
