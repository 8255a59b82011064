// The one authorization check: who is asking, for which commune, with which verified role. Server
// actions reach it through lib/actions/safe-action.ts, route handlers through lib/api/route.ts.
import { db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

import { type CommuneRole, loadCommuneRoles, rolesOf } from "./memberships";

export type CommuneAccess = {
  userId: string;
  communeId: string;
  roles: Role[];
  memberships: CommuneRole[];
  /** The role the action was allowed under, the most senior first; recorded in the audit log. */
  actingRole: Role;
};

const SENIORITY: Role[] = ["ADMIN", "LEADER", "STAFF", "FRONT_REVIEWER", "INSPECTOR", "VILLAGE_HEAD", "RESIDENT"];

export async function isBlocked(userId: string, communeId: string, now = new Date()): Promise<boolean> {
  const block = await db.accountBlock.findFirst({
    where: { userId, communeId, liftedAt: null, startsAt: { lte: now }, OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
    select: { id: true },
  });
  return block !== null;
}

/**
 * Throws 403 unless the user holds one of `roles`, verified, in the commune. A blocked account may
 * still read but not write: writes pass `{ write: true }`.
 */
export async function requireCommuneAccess(
  userId: string,
  communeId: string,
  roles: readonly Role[],
  options: { write?: boolean } = {},
): Promise<CommuneAccess> {
  // Both reads at once: on the hot write paths (a vote) a round trip less to wait for.
  const [memberships, blocked] = await Promise.all([loadCommuneRoles(userId, communeId), options.write ? isBlocked(userId, communeId) : false]);
  const held = rolesOf(memberships);
  const actingRole = SENIORITY.find((r) => roles.includes(r) && held.includes(r));
  if (!actingRole) throw forbidden();
  if (blocked) throw new AppError("accountBlocked", 403);
  return { userId, communeId, roles: held, memberships, actingRole };
}
