// The outcome notice (Thông báo kết quả lấy ý kiến): DRAFT → APPROVED → PUBLISHED. Staff draft it
// from an approved report and edit it while it is a draft; a leader approves it, which issues its
// number in the register (type TB); publishing puts it on the consultation page, in the disclosure
// register (web portal posting) and in the inbox of every participant with an account. Each
// transition is one transaction with its audit event; a transition checks the status it starts from
// under the row's lock, so publishing twice notifies nobody twice.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { issueDocumentNumber } from "@/lib/register/issue-number";
import { db, type Tx } from "@/lib/db";
import { conflict, forbidden, notFound } from "@/lib/errors";
import type { NoticeStatus, Prisma } from "@/lib/generated/prisma/client";
import { renderNotification } from "@/lib/notifications/notify";
import { appendAudit } from "@/lib/oversight/audit";
import { listRatingParticipants } from "@/lib/ratings/consultation-participants";
import { inviteToRate } from "@/lib/ratings/invite-to-rate";
import { queueNoticeTexts } from "@/lib/telling/notice-texts";

import { composeNotice } from "./compose";
import { loadNoticeFacts } from "./draft-notice";
import { listParticipantIds } from "./participants";
import type { DraftNoticeValues, NoticeIdValues, UpdateNoticeValues } from "./schemas";

export const NOTICE_KIND = "noticePublished";
export const REPORT_READY = ["APPROVED", "PUBLISHED"] as const;

/** The public page's anchor for the notice; notifications link there. */
export const noticeLink = (communeSlug: string, consultationId: string) => `/${communeSlug}/consultations/${consultationId}#notice`;

const auditBase = (access: CommuneAccess) => ({ communeId: access.communeId, actorId: access.userId, actorRole: access.actingRole, entityType: "OutcomeNotice" });

/** Locks the notice row for the rest of the transaction and reads it (404 outside the commune). */
async function lockNotice(tx: Tx, communeId: string, noticeId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "OutcomeNotice" WHERE "id" = ${noticeId} AND "communeId" = ${communeId} FOR UPDATE`;
  if (rows.length === 0) throw notFound("noticeNotFound");
  return tx.outcomeNotice.findUniqueOrThrow({
    where: { id: noticeId },
    select: { id: true, status: true, title: true, body: true, loudspeakerText: true, consultationId: true, reportId: true },
  });
}

function requireStatus(status: NoticeStatus, expected: NoticeStatus) {
  if (status === expected) return;
  if (status === "PUBLISHED") throw conflict("noticeAlreadyPublished");
  if (status === "APPROVED" && expected === "DRAFT") throw conflict("noticeAlreadyApproved");
  throw conflict("noticeNotApproved");
}

export async function draftNotice(access: CommuneAccess, values: DraftNoticeValues) {
  const consultation = await db.consultation.findFirst({
    where: { id: values.consultationId, communeId: access.communeId },
    select: { id: true, report: { select: { id: true, status: true } }, notice: { select: { id: true } } },
  });
  if (!consultation) throw notFound("consultationNotFound");
  if (!consultation.report || !(REPORT_READY as readonly string[]).includes(consultation.report.status)) throw conflict("noticeNeedsApprovedReport");
  if (consultation.notice) throw conflict("noticeExists");
  const draft = composeNotice(await loadNoticeFacts(access.communeId, consultation.id));
  const report = consultation.report;
  try {
    return await db.$transaction(async (tx) => {
      const notice = await tx.outcomeNotice.create({
        data: { communeId: access.communeId, consultationId: consultation.id, reportId: report.id, ...draft, createdById: access.userId },
        select: { id: true, status: true },
      });
      await appendAudit(tx, {
        ...auditBase(access),
        action: "notice.draft",
        entityId: notice.id,
        after: draft,
        details: { consultationId: consultation.id, reportId: report.id },
      });
      return notice;
    });
  } catch (error) {
    // Two staff drafting at once: the unique key on the consultation lets one through.
    if ((error as { code?: string }).code === "P2002") throw conflict("noticeExists");
    throw error;
  }
}

export async function updateNotice(access: CommuneAccess, values: UpdateNoticeValues) {
  return db.$transaction(async (tx) => {
    const before = await lockNotice(tx, access.communeId, values.noticeId);
    if (before.status !== "DRAFT") throw conflict("noticeNotEditable");
    const after = { title: values.title, body: values.body, loudspeakerText: values.loudspeakerText };
    await tx.outcomeNotice.update({ where: { id: before.id }, data: after });
    await appendAudit(tx, {
      ...auditBase(access),
      action: "notice.update",
      entityId: before.id,
      before: { title: before.title, body: before.body, loudspeakerText: before.loudspeakerText },
      after,
      details: { consultationId: before.consultationId },
    });
    return { id: before.id };
  });
}

/** A leader approves: the notice gets its number from the register (…/TB-UBND) and cannot change any more. */
export async function approveNotice(access: CommuneAccess, values: NoticeIdValues, now = new Date()) {
  if (access.actingRole !== "LEADER") throw forbidden();
  return db.$transaction(async (tx) => {
    const notice = await lockNotice(tx, access.communeId, values.noticeId);
    requireStatus(notice.status, "DRAFT");
    const issued = await issueDocumentNumber(tx, access, { type: "TB", subject: notice.title, issuedAt: now });
    await tx.outcomeNotice.update({
      where: { id: notice.id },
      data: { status: "APPROVED", documentId: issued.id, approvedById: access.userId, approvedAt: issued.issuedAt },
    });
    await appendAudit(tx, {
      ...auditBase(access),
      action: "notice.approve",
      entityId: notice.id,
      before: { status: notice.status },
      after: { status: "APPROVED", documentId: issued.id, label: issued.label },
      details: { consultationId: notice.consultationId, label: issued.label },
    });
    return { id: notice.id, label: issued.label };
  });
}

/**
 * Publishing: the notice goes on the public consultation page, a web-portal posting is recorded in the
 * disclosure register, and every participant with an account gets one inbox notification (emailed in
 * the next digest). Only an APPROVED notice can be published, and only once.
 */
export async function publishNotice(access: CommuneAccess, values: NoticeIdValues, now = new Date()) {
  const commune = await db.commune.findUniqueOrThrow({ where: { id: access.communeId }, select: { slug: true } });
  return db.$transaction(
    async (tx) => {
      const notice = await lockNotice(tx, access.communeId, values.noticeId);
      requireStatus(notice.status, "APPROVED");
      const consultation = await tx.consultation.findUniqueOrThrow({ where: { id: notice.consultationId }, select: { id: true, title: true, status: true, matterKind: true } });
      const link = noticeLink(commune.slug, consultation.id);
      await tx.outcomeNotice.update({ where: { id: notice.id }, data: { status: "PUBLISHED", publishedAt: now } });
      if (consultation.status !== "OUTCOME_PUBLISHED") {
        await tx.consultation.update({ where: { id: consultation.id }, data: { status: "OUTCOME_PUBLISHED" } });
      }
      const posting = await tx.disclosurePosting.create({
        data: {
          communeId: access.communeId,
          // The notice's own posting: its register entry lists it, the consultation's entry does not.
          noticeId: notice.id,
          channel: "WEB_PORTAL",
          location: link,
          startsAt: now,
          note: notice.title,
          recordedById: access.userId,
        },
        select: { id: true },
      });

      const userIds = await listParticipantIds(tx, consultation.id);
      const params = { consultation: consultation.title };
      const { title, body } = renderNotification(NOTICE_KIND, params);
      await tx.notification.createMany({
        data: userIds.map((userId) => ({
          communeId: access.communeId,
          userId,
          kind: NOTICE_KIND,
          params: params as Prisma.InputJsonValue,
          title,
          body,
          link,
        })),
      });
      // Those who took part on paper or with help get the notice by text message (issue 12 §6), and
      // every participant is invited to rate how they were answered (Law 10/2022 Art. 35.2.a).
      const texted = await queueNoticeTexts(tx, { communeId: access.communeId, noticeId: notice.id, consultationId: consultation.id, consultation: consultation.title });
      await inviteToRate(tx, {
        communeId: access.communeId,
        subjectType: "CONSULTATION",
        subjectId: consultation.id,
        userIds: await listRatingParticipants(tx, consultation.id),
        category: consultation.matterKind,
        title: consultation.title,
      });
      await appendAudit(tx, {
        ...auditBase(access),
        action: "notice.publish",
        entityId: notice.id,
        before: { status: notice.status },
        after: { status: "PUBLISHED", postingId: posting.id },
        details: { consultationId: consultation.id, postingId: posting.id, notified: userIds.length, texted },
      });
      return { id: notice.id, postingId: posting.id, notified: userIds.length };
    },
    { timeout: 60_000 },
  );
}

/** What staff see: the notice with its document, or null before it is drafted. */
export async function getNoticeForStaff(communeId: string, consultationId: string) {
  return db.outcomeNotice.findFirst({
    where: { communeId, consultationId },
    select: {
      id: true,
      status: true,
      title: true,
      body: true,
      loudspeakerText: true,
      approvedAt: true,
      publishedAt: true,
      document: { select: { label: true, issuedAt: true } },
    },
  });
}

/** What the public sees: a published notice only. */
export async function getPublishedNotice(communeId: string, consultationId: string) {
  return db.outcomeNotice.findFirst({
    where: { communeId, consultationId, status: "PUBLISHED" },
    select: { id: true, title: true, body: true, loudspeakerText: true, publishedAt: true, document: { select: { label: true, issuedAt: true } } },
  });
}
