import "server-only";

// The platform's administrators (User.isPlatformAdmin; `npm run admin:create` makes the first): they
// create communes and their villages and name each commune's first official. Checked from the
// database on every call, never from the session token, so a withdrawn administrator stops at once.
// A commune's own administrator (Membership ADMIN) is not one.
import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";

export type PlatformAdmin = { userId: string };

export async function requirePlatformAdmin(userId: string): Promise<PlatformAdmin> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { isPlatformAdmin: true, anonymisedAt: true } });
  if (!user?.isPlatformAdmin || user.anonymisedAt) throw forbidden();
  return { userId };
}

/** The audit log's actor role for a platform administrator's acts. */
export const PLATFORM_ROLE = "PLATFORM_ADMIN";
