// Residents comment on a published work's milestones. Moderation works as for opinions and dialogue
// questions (lib/oversight/moderation.ts, lib/dialogues/questions.ts): staff hide or restore a comment
// with a reason, each step kept in WorkCommentModeration and audited, the author told; nothing is
// deleted, and the Front sees hidden comments with their history.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { appendAudit } from "@/lib/oversight/audit";
import { consumeRateLimit } from "@/lib/rate-limit";

import { workLink } from "./milestones";
import type { CommentValues, ModerateCommentValues } from "./schemas";

export async function commentOnMilestone(access: CommuneAccess, values: CommentValues) {
  await consumeRateLimit("opinion", access.userId);
  const milestone = await db.workMilestone.findFirst({
    where: { id: values.milestoneId, communeId: access.communeId, work: { publishedAt: { not: null } } },
    select: { id: true, workId: true },
  });
  if (!milestone) throw notFound("workNotFound");
  return db.$transaction(async (tx) => {
    const comment = await tx.workComment.create({
      data: { communeId: access.communeId, workId: milestone.workId, milestoneId: milestone.id, authorId: access.userId, body: values.body },
      select: { id: true },
    });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "work.comment",
      entityType: "WorkComment",
      entityId: comment.id,
      after: { body: values.body },
      details: { workId: milestone.workId, milestoneId: milestone.id },
    });
    return { commentId: comment.id };
  });
}

export async function moderateWorkComment(access: CommuneAccess, values: ModerateCommentValues) {
  const comment = await db.workComment.findFirst({ where: { id: values.commentId, communeId: access.communeId }, select: { id: true, workId: true, authorId: true, moderationState: true } });
  if (!comment) throw notFound("workCommentNotFound");
  const target = values.action === "HIDE" ? "HIDDEN" : "VISIBLE";
  if (comment.moderationState === target) throw conflict("workCommentAlreadyInState");
  const commune = await db.commune.findUniqueOrThrow({ where: { id: access.communeId }, select: { slug: true } });
  return db.$transaction(async (tx) => {
    const { count } = await tx.workComment.updateMany({ where: { id: comment.id, moderationState: comment.moderationState }, data: { moderationState: target } });
    if (count !== 1) throw conflict("workChanged");
    await tx.workCommentModeration.create({ data: { communeId: access.communeId, commentId: comment.id, action: values.action, reason: values.reason, details: values.details, actorId: access.userId } });
    await notify(tx, {
      communeId: access.communeId,
      userId: comment.authorId,
      kind: values.action === "HIDE" ? "workCommentHidden" : "workCommentRestored",
      params: { reason: values.reason, details: values.details ?? "" },
      link: workLink(commune.slug, comment.workId),
    });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: values.action === "HIDE" ? "work.comment.hide" : "work.comment.restore",
      entityType: "WorkComment",
      entityId: comment.id,
      before: { moderationState: comment.moderationState },
      after: { moderationState: target, reason: values.reason, details: values.details },
      details: { workId: comment.workId, reason: values.reason },
    });
    return { moderationState: target };
  });
}
