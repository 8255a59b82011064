// Residents follow a published work: its milestones reach their inbox (and a text, if they chose texts).
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

async function publishedWork(access: CommuneAccess, workId: string) {
  const work = await db.work.findFirst({ where: { id: workId, communeId: access.communeId, publishedAt: { not: null } }, select: { id: true, communeId: true } });
  if (!work) throw notFound("workNotFound");
  return work;
}

export async function followWork(access: CommuneAccess, workId: string) {
  const work = await publishedWork(access, workId);
  await db.workFollow.upsert({
    where: { userId_workId: { userId: access.userId, workId: work.id } },
    create: { userId: access.userId, workId: work.id, communeId: work.communeId },
    update: {},
  });
  return { following: true };
}

/** Following is the person's own choice, not a record of the commune: unfollowing removes the row. */
export async function unfollowWork(access: CommuneAccess, workId: string) {
  const work = await publishedWork(access, workId);
  await db.workFollow.deleteMany({ where: { userId: access.userId, workId: work.id } });
  return { following: false };
}
