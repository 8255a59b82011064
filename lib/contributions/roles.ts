// Who does what with contributions (dân làm, Law 10/2022 Art. 15.1 and 11.5). Staff set a contribution
// up from the households' decision, open collection and post the disclosure; staff and village heads
// (their own village only) record what each household brings; the Front reads everything (it supervises,
// Art. 23.3); the public sees totals and counts; a resident sees their own household's record.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { FRONT_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import { AppError, forbidden } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export const MANAGE_ROLES: Role[] = STAFF_ROLES;
export const RECORD_ROLES: Role[] = [...STAFF_ROLES, "VILLAGE_HEAD"];
/** Those who read the full ledger, with households named. */
export const LEDGER_READ_ROLES: Role[] = [...STAFF_ROLES, "VILLAGE_HEAD", ...FRONT_ROLES];
export const RESIDENT_ROLES: Role[] = ["RESIDENT"];

/** Staff (and the Front, for reading) act for every village (null); a village head for their own only. */
export function ownVillageOf(access: CommuneAccess): string | null {
  if (access.roles.some((r) => STAFF_ROLES.includes(r) || FRONT_ROLES.includes(r))) return null;
  const head = access.memberships.find((m) => m.role === "VILLAGE_HEAD");
  if (!head?.villageId) throw forbidden();
  return head.villageId;
}

export function assertOwnVillage(access: CommuneAccess, villageId: string): void {
  const own = ownVillageOf(access);
  if (own !== null && own !== villageId) throw new AppError("notYourVillage", 403);
}
