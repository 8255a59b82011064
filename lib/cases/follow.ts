// Residents follow a case (public, or their own): its public updates reach their inbox.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

import { publicCaseWhere } from "./classification";

/** A case the person may follow: a public one, or one they filed. */
async function followable(access: CommuneAccess, caseId: string) {
  const c = await db.case.findFirst({
    where: { id: caseId, OR: [publicCaseWhere(access.communeId), { communeId: access.communeId, filedById: access.userId }] },
    select: { id: true, communeId: true },
  });
  if (!c) throw notFound("caseNotFound");
  return c;
}

export async function followCase(access: CommuneAccess, caseId: string) {
  const c = await followable(access, caseId);
  await db.caseFollow.upsert({
    where: { userId_caseId: { userId: access.userId, caseId: c.id } },
    create: { userId: access.userId, caseId: c.id, communeId: c.communeId },
    update: {},
  });
  return { following: true };
}

/** Following is the person's own choice, not a record of the commune: unfollowing removes the row. */
export async function unfollowCase(access: CommuneAccess, caseId: string) {
  const c = await followable(access, caseId);
  await db.caseFollow.deleteMany({ where: { userId: access.userId, caseId: c.id } });
  return { following: false };
}
