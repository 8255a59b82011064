"use server";

// Server actions of works and results (issue 13 §1): staff create, edit and publish a work, post its
// milestones and moderate comments; residents follow a work and comment on its milestones. Each is
// checked for its role in the commune named (lib/actions/safe-action.ts); the rules are in the modules below.
import { communeActionClient } from "@/lib/actions/safe-action";

import { commentOnMilestone, moderateWorkComment } from "./comments";
import { followWork, unfollowWork } from "./follow";
import { postMilestone } from "./milestones";
import { WORK_RESIDENT_ROLES, WORK_STAFF_ROLES } from "./roles";
import { commentSchema, moderateCommentSchema, postMilestoneSchema, saveWorkSchema, workIdSchema } from "./schemas";
import { publishWork, saveWork } from "./works";

export const saveWorkAction = communeActionClient("saveWork", WORK_STAFF_ROLES)
  .inputSchema(saveWorkSchema)
  .action(async ({ parsedInput: { communeId: _c, ...values }, ctx }) => saveWork(ctx.access, values));

export const publishWorkAction = communeActionClient("publishWork", WORK_STAFF_ROLES)
  .inputSchema(workIdSchema)
  .action(async ({ parsedInput: { workId }, ctx }) => publishWork(ctx.access, workId));

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
