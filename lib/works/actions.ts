"use server";

// Server actions of works and results (issue 13 §1): staff create, edit and publish a work, post its
// milestones and moderate comments; residents follow a work and comment on its milestones. Each is
// checked for its role in the commune named (lib/actions/safe-action.ts); the rules are in the modules below.
import { communeActionClient } from "@/lib/actions/safe-action";
import { revalidateConsultationPages } from "@/lib/consultations/revalidate";
import { db } from "@/lib/db";

import { commentOnMilestone, moderateWorkComment } from "./comments";
import { followWork, unfollowWork } from "./follow";
import { postMilestone } from "./milestones";
import { WORK_RESIDENT_ROLES, WORK_STAFF_ROLES } from "./roles";
import { commentSchema, moderateCommentSchema, postMilestoneSchema, saveWorkSchema, workIdSchema } from "./schemas";
import { publishWork, saveWork } from "./works";

/** The consultation's cached public page lists its published works: refreshed when one is saved or published. */
async function refreshConsultationPage(workId: string) {
  const work = await db.work.findUnique({ where: { id: workId }, select: { consultationId: true, publishedAt: true, communeId: true } });
  if (!work?.consultationId || !work.publishedAt) return;
  const commune = await db.commune.findUniqueOrThrow({ where: { id: work.communeId }, select: { slug: true } });
  revalidateConsultationPages(commune.slug, work.consultationId);
}

export const saveWorkAction = communeActionClient("saveWork", WORK_STAFF_ROLES)
  .inputSchema(saveWorkSchema)
  .action(async ({ parsedInput: { communeId: _c, ...values }, ctx }) => {
    const saved = await saveWork(ctx.access, values);
    await refreshConsultationPage(saved.workId);
    return saved;
  });

export const publishWorkAction = communeActionClient("publishWork", WORK_STAFF_ROLES)
  .inputSchema(workIdSchema)
  .action(async ({ parsedInput: { workId }, ctx }) => {
    const published = await publishWork(ctx.access, workId);
    await refreshConsultationPage(workId);
    return published;
  });

export const postMilestoneAction = communeActionClient("postWorkMilestone", WORK_STAFF_ROLES)
  .inputSchema(postMilestoneSchema)
  .action(async ({ parsedInput: { communeId: _c, ...values }, ctx }) => {
    const { milestoneId, status, progress } = await postMilestone(ctx.access, values);
    return { milestoneId, status, progress };
  });

export const moderateWorkCommentAction = communeActionClient("moderateWorkComment", WORK_STAFF_ROLES)
  .inputSchema(moderateCommentSchema)
  .action(async ({ parsedInput: { communeId: _c, ...values }, ctx }) => moderateWorkComment(ctx.access, values));

export const followWorkAction = communeActionClient("followWork", WORK_RESIDENT_ROLES)
  .inputSchema(workIdSchema)
  .action(async ({ parsedInput: { workId }, ctx }) => followWork(ctx.access, workId));

export const unfollowWorkAction = communeActionClient("unfollowWork", WORK_RESIDENT_ROLES)
  .inputSchema(workIdSchema)
  .action(async ({ parsedInput: { workId }, ctx }) => unfollowWork(ctx.access, workId));

export const commentOnMilestoneAction = communeActionClient("commentOnWorkMilestone", WORK_RESIDENT_ROLES)
  .inputSchema(commentSchema)
  .action(async ({ parsedInput: { communeId: _c, ...values }, ctx }) => commentOnMilestone(ctx.access, values));
