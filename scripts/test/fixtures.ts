// Shared by integration tests: the demo communes seeded small into the run's database, and handy
// lookups of who is who.
import { requireCommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { seed } from "@/prisma/seed/seed";

let seeded: Promise<Awaited<ReturnType<typeof seed>>> | undefined;

/** Seeds once per test file (seeding is idempotent, so files may share the database). */
export function seedDemo() {
  seeded ??= seed(db, { households: 200 });
  return seeded;
}

export async function communeId(slug: "thien-tin" | "nghia-hanh") {
  return (await db.commune.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

export async function userId(identifier: string) {
  const where = identifier.includes("@") ? { email: identifier } : { phone: `+84${identifier.slice(1)}` };
  return (await db.user.findUniqueOrThrow({ where, select: { id: true } })).id;
}

export async function accessAs(identifier: string, slug: "thien-tin" | "nghia-hanh", roles: Role[]) {
  return requireCommuneAccess(await userId(identifier), await communeId(slug), roles, { write: true });
}

export const STAFF_EMAIL = "canbo@thientin.danban.local";
export const OTHER_STAFF_EMAIL = "canbo@nghiahanh.danban.local";
export const RESIDENT_PHONE = "0901000001";
export const PENDING_PHONE = "0901000009";
export const OTHER_RESIDENT_PHONE = "0902000001";
