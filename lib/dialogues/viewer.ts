import "server-only";

// Who is looking at a dialogue page, for what it shows them: a verified resident may sign, ask and
// agree; staff and the Front see hidden questions and unpublished results. Read from the database.
import { loadCommuneRoles } from "@/lib/auth/memberships";
import { getSessionUser } from "@/lib/auth/session";

import { OVERSEE_ROLES, PLAN_ROLES, RECORD_ROLES } from "./roles";

export async function dialogueViewer(communeId: string) {
  const user = await getSessionUser();
  const memberships = user ? await loadCommuneRoles(user.id, communeId) : [];
  const roles = memberships.map((m) => m.role);
  const resident = memberships.find((m) => m.role === "RESIDENT" && m.residentId);
  return {
    userId: user?.id ?? null,
    residentId: resident?.residentId ?? null,
    isSignedIn: user !== null,
    oversees: roles.some((r) => OVERSEE_ROLES.includes(r)),
    mayPlan: roles.some((r) => PLAN_ROLES.includes(r)),
    mayRecord: roles.some((r) => RECORD_ROLES.includes(r)),
  };
}
