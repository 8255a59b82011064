import "server-only";

// Who is looking at a contribution or initiative page, for what it shows them. Read from the database.
import { loadCommuneRoles } from "@/lib/auth/memberships";
import { getSessionUser } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";

import { LEDGER_READ_ROLES, MANAGE_ROLES, RECORD_ROLES } from "./roles";

export async function contributionViewer(communeId: string) {
  const user = await getSessionUser();
  const memberships = user ? await loadCommuneRoles(user.id, communeId) : [];
  const roles = memberships.map((m) => m.role);
  const resident = memberships.find((m) => m.role === "RESIDENT" && m.residentId);
  const isStaff = roles.some((r) => STAFF_ROLES.includes(r));
  return {
    isSignedIn: user !== null,
    residentId: resident?.residentId ?? null,
    mayReadLedger: roles.some((r) => LEDGER_READ_ROLES.includes(r)),
    mayManage: roles.some((r) => MANAGE_ROLES.includes(r)),
    mayRecord: roles.some((r) => RECORD_ROLES.includes(r)),
    /** Staff act for every village (null); a village head for their own. */
    headOf: isStaff ? null : (memberships.find((m) => m.role === "VILLAGE_HEAD")?.villageId ?? null),
    isStaff,
  };
}
