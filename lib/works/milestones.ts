// Dated public updates of a work ("milestones"): what was done, with photos, the progress and any change
// of status. A work DONE is at 100% (./progress.ts). Followers of a published work are told: in their
// inbox, and by text message if they chose texts (lib/telling), in the milestone's transaction.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { toVnDate } from "@/lib/consultations/periods";
import { db } from "@/lib/db";
import { conflict, invalid, notFound } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { tell } from "@/lib/telling/tell";

import { checkOwnUnusedWorkPhotos } from "./photos";
import { afterMilestone, NEXT_WORK_STATUSES } from "./progress";
import type { PostMilestoneValues } from "./schemas";

/** The work page's address, without the locale (the inbox adds it). */
export const workLink = (slug: string, workId: string) => `/${slug}/works/${workId}`;

export async function postMilestone(access: CommuneAccess, values: PostMilestoneValues, now = new Date()) {
  // A milestone records what happened: it cannot be dated after today (Vietnam time).
  if (values.occurredOn > toVnDate(now)) throw invalid("workMilestoneInFuture", {}, { occurredOn: "workMilestoneInFuture" });
  await checkOwnUnusedWorkPhotos(db, access.communeId, access.userId, values.photoIds);
  return db.$transaction(async (tx) => {
    const work = await tx.work.findFirst({
      where: { id: values.workId, communeId: access.communeId },
      select: { id: true, title: true, status: true, progress: true, publishedAt: true },
    });
    if (!work) throw notFound("workNotFound");
    if (values.toStatus && !NEXT_WORK_STATUSES[work.status].includes(values.toStatus)) throw conflict("workStatusNotAllowed", { from: work.status, to: values.toStatus });
    const next = afterMilestone(work, { progress: values.progress, toStatus: values.toStatus });
    // Compare-and-set on what was read: two officials posting at once cannot both move the status.
    const { count } = await tx.work.updateMany({ where: { id: work.id, status: work.status, progress: work.progress }, data: next });
    if (count !== 1) throw conflict("workChanged");
    const milestone = await tx.workMilestone.create({
      data: {
        communeId: access.communeId,
        workId: work.id,
        occurredOn: new Date(`${values.occurredOn}T00:00:00Z`),
        body: values.body,
        progress: next.progress !== work.progress || values.progress !== null ? next.progress : null,
        fromStatus: values.toStatus ? work.status : null,
        toStatus: values.toStatus,
        authorId: access.userId,
      },
      select: { id: true },
    });
    await tx.workMilestonePhoto.createMany({ data: values.photoIds.map((attachmentId, sortOrder) => ({ attachmentId, milestoneId: milestone.id, communeId: access.communeId, sortOrder })) });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "work.milestone",
      entityType: "WorkMilestone",
      entityId: milestone.id,
      before: { status: work.status, progress: work.progress },
      after: { ...next, occurredOn: values.occurredOn, body: values.body, photoIds: values.photoIds },
      details: { workId: work.id },
    });
    let told = 0;
    if (work.publishedAt) {
      const followers = await tx.workFollow.findMany({ where: { workId: work.id }, select: { userId: true } });
      const commune = await tx.commune.findUniqueOrThrow({ where: { id: access.communeId }, select: { slug: true } });
      const result = await tell(tx, {
        communeId: access.communeId,
        userIds: followers.map((f) => f.userId).filter((id) => id !== access.userId),
        kind: "workMilestone",
        params: { title: work.title, progress: String(next.progress), status: next.status },
        link: workLink(commune.slug, work.id),
        about: `work-milestone:${milestone.id}`,
      });
      told = result.told;
    }
    return { milestoneId: milestone.id, ...next, told };
  });
}
