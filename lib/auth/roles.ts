import type { Role } from "@/lib/generated/prisma/enums";

/** Those who run a commune's consultations. */
export const STAFF_ROLES: Role[] = ["STAFF", "LEADER", "ADMIN"];
/** Everyone who may open the staff area (village heads record meetings and paper ballots there). */
export const STAFF_AREA_ROLES: Role[] = ["STAFF", "LEADER", "ADMIN", "VILLAGE_HEAD"];
/**
 * The Fatherland Front committee. The People's Inspection Board has a role of its own (INSPECTOR,
 * lib/inspection/roles.ts): it sees and asks, and enters neither the staff nor the Front area.
 */
export const FRONT_ROLES: Role[] = ["FRONT_REVIEWER"];

export type SessionMembership = {
  communeId: string;
  communeSlug: string;
  role: Role;
  status: "PENDING" | "VERIFIED" | "REJECTED";
  villageId: string | null;
};

export function hasRole(
  memberships: SessionMembership[] | undefined,
  communeSlugOrId: string,
  roles: Role[],
): boolean {
  return (memberships ?? []).some(
    (m) =>
      (m.communeSlug === communeSlugOrId || m.communeId === communeSlugOrId) &&
      m.status === "VERIFIED" &&
      roles.includes(m.role),
  );
}
