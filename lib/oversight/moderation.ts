// Moderation never deletes: an opinion is hidden or restored with a reason, each step is kept as a
// ModerationAction, and the Front sees hidden opinions with their history. N reports (a setting)
// hide an opinion until staff review it.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db, type Tx } from "@/lib/db";
import { AppError, conflict, forbidden, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { consumeRateLimit } from "@/lib/rate-limit";
import { readSettings } from "@/lib/settings";

import { appendAudit } from "./audit";
import type { AppealValues, DecideAppealValues, ModerateOpinionValues, ReportOpinionValues } from "./schemas";

const opinionForModeration = {
  id: true,
  number: true,
  authorId: true,
  moderationState: true,
  reportCount: true,
  consultation: { select: { id: true, title: true, commune: { select: { slug: true, settings: true } } } },
} as const;

async function loadOpinion(communeId: string, opinionId: string) {
  const opinion = await db.opinion.findFirst({ where: { id: opinionId, communeId }, select: opinionForModeration });
  if (!opinion) throw notFound("opinionNotFound");
  return opinion;
}

type LoadedOpinion = Awaited<ReturnType<typeof loadOpinion>>;

const authorLink = (o: LoadedOpinion) => `/${o.consultation.commune.slug}/account#opinion-${o.id}`;

async function tellAuthor(tx: Tx, communeId: string, o: LoadedOpinion, kind: string, params: Record<string, string | number> = {}) {
  if (!o.authorId) return;
  await notify(tx, { communeId, userId: o.authorId, kind, params: { number: o.number, consultation: o.consultation.title, details: "", ...params }, link: authorLink(o) });
}

/** Whether this many reports hide an opinion under the commune's setting (default 3). */
export const reportsHide = (reportCount: number, threshold: number) => reportCount >= threshold;

/** A resident reports an opinion with a reason; at the threshold it is hidden pending review. */
export async function reportOpinion(access: CommuneAccess, values: ReportOpinionValues) {
  await consumeRateLimit("report", access.userId);
  const opinion = await loadOpinion(access.communeId, values.opinionId);
  if (opinion.authorId === access.userId) throw forbidden();
  const threshold = readSettings(opinion.consultation.commune.settings).reportsToHide;
  return db.$transaction(async (tx) => {
    try {
      await tx.opinionReport.create({
        data: { communeId: access.communeId, opinionId: opinion.id, reporterId: access.userId, reason: values.reason, details: values.details || null },
      });
    } catch (e) {
      if ((e as { code?: string }).code === "P2002") throw conflict("alreadyReported");
      throw e;
    }
    const { reportCount, moderationState } = await tx.opinion.update({
      where: { id: opinion.id },
      data: { reportCount: { increment: 1 } },
      select: { reportCount: true, moderationState: true },
    });
    let autoHidden = false;
    if (moderationState === "VISIBLE" && reportsHide(reportCount, threshold)) {
      await tx.opinion.update({ where: { id: opinion.id }, data: { moderationState: "PENDING_REVIEW" } });
      await tx.moderationAction.create({
        data: { communeId: access.communeId, opinionId: opinion.id, action: "AUTO_HIDE", reason: values.reason, details: `${reportCount} báo cáo` },
      });
      await tellAuthor(tx, access.communeId, opinion, "opinionPendingReview");
      autoHidden = true;
    }
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: autoHidden ? "opinion.report.autoHide" : "opinion.report",
      entityType: "Opinion",
      entityId: opinion.id,
      after: { reason: values.reason, reportCount },
      details: { number: opinion.number, reason: values.reason },
    });
    return { reportCount, autoHidden };
  });
}

/** Staff hide or restore an opinion, with a reason from the list and an explanation. */
export async function moderateOpinion(access: CommuneAccess, values: ModerateOpinionValues) {
  const opinion = await loadOpinion(access.communeId, values.opinionId);
  const target = values.action === "HIDE" ? "HIDDEN" : "VISIBLE";
  if (opinion.moderationState === target) throw conflict("alreadyInState", { state: target });
  return db.$transaction(async (tx) => {
    const { count } = await tx.opinion.updateMany({
      where: { id: opinion.id, moderationState: opinion.moderationState },
      data: { moderationState: target },
    });
    if (count !== 1) throw conflict("changedMeanwhile");
    await tx.moderationAction.create({
      data: { communeId: access.communeId, opinionId: opinion.id, action: values.action, reason: values.reason, details: values.details, actorId: access.userId },
    });
    await tellAuthor(tx, access.communeId, opinion, values.action === "HIDE" ? "opinionHidden" : "opinionRestored", {
      reason: values.reason,
      details: values.details,
    });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: values.action === "HIDE" ? "opinion.hide" : "opinion.restore",
      entityType: "Opinion",
      entityId: opinion.id,
      before: { moderationState: opinion.moderationState },
      after: { moderationState: target, reason: values.reason, details: values.details },
      details: { number: opinion.number, reason: values.reason },
    });
    return { moderationState: target };
  });
}

/** The author of a hidden opinion asks, once, for it to be reviewed again. */
export async function appealModeration(access: CommuneAccess, values: AppealValues) {
  const opinion = await loadOpinion(access.communeId, values.opinionId);
  if (opinion.authorId !== access.userId) throw forbidden();
  if (opinion.moderationState === "VISIBLE") throw conflict("notHidden");
  return db.$transaction(async (tx) => {
    try {
      await tx.moderationAppeal.create({ data: { communeId: access.communeId, opinionId: opinion.id, authorId: access.userId, body: values.body } });
    } catch (e) {
      if ((e as { code?: string }).code === "P2002") throw conflict("alreadyAppealed");
      throw e;
    }
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: "RESIDENT",
      action: "opinion.appeal",
      entityType: "Opinion",
      entityId: opinion.id,
      after: { body: values.body },
      details: { number: opinion.number },
    });
    return { status: "PENDING" as const };
  });
}

/**
 * An appeal is decided by someone other than the officer who hid the opinion: another staff member or
 * the Front. Upheld, the opinion is shown again.
 */
export async function decideAppeal(access: CommuneAccess, values: DecideAppealValues) {
  const opinion = await loadOpinion(access.communeId, values.opinionId);
  const appeal = await db.moderationAppeal.findUnique({ where: { opinionId: opinion.id }, select: { id: true, status: true } });
  if (!appeal) throw notFound("appealNotFound");
  if (appeal.status !== "PENDING") throw conflict("appealDecided");
  const lastHide = await db.moderationAction.findFirst({
    where: { opinionId: opinion.id, action: "HIDE" },
    orderBy: { createdAt: "desc" },
    select: { actorId: true },
  });
  if (lastHide?.actorId === access.userId) throw new AppError("appealSameOfficer", 403);

  return db.$transaction(async (tx) => {
    const { count } = await tx.moderationAppeal.updateMany({
      where: { id: appeal.id, status: "PENDING" },
      data: { status: values.decision, decidedById: access.userId, decisionNote: values.note, decidedAt: new Date() },
    });
    if (count !== 1) throw conflict("appealDecided");
    if (values.decision === "UPHELD") {
      await tx.opinion.update({ where: { id: opinion.id }, data: { moderationState: "VISIBLE" } });
      await tx.moderationAction.create({
        data: { communeId: access.communeId, opinionId: opinion.id, action: "RESTORE", reason: "OTHER", details: values.note, actorId: access.userId },
      });
      await tellAuthor(tx, access.communeId, opinion, "opinionRestored", { details: values.note });
    } else {
      await tellAuthor(tx, access.communeId, opinion, "appealRejected", { details: values.note });
    }
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: values.decision === "UPHELD" ? "opinion.appeal.upheld" : "opinion.appeal.rejected",
      entityType: "Opinion",
      entityId: opinion.id,
      after: { decision: values.decision, note: values.note },
      details: { number: opinion.number },
    });
    return { status: values.decision };
  });
}

/** For the public page: how many opinions are hidden, counted by the reason of their latest step. */
export async function countHiddenByReason(consultationId: string) {
  const hidden = await db.opinion.findMany({
    where: { consultationId, moderationState: { not: "VISIBLE" } },
    select: { moderationState: true, moderation: { orderBy: { createdAt: "desc" }, take: 1, select: { reason: true } } },
  });
  const counts = new Map<string, number>();
  for (const o of hidden) {
    const key = o.moderationState === "PENDING_REVIEW" ? "PENDING_REVIEW" : (o.moderation[0]?.reason ?? "OTHER");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}
