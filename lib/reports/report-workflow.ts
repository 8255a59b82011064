// The summary report's workflow (Art. 26.2, 27): staff generate a version from a snapshot and edit its
// text parts while it is a draft; the Front reviews it (signs off, or returns it with notes, which are
// supervision notes staff must answer); a leader approves it, which issues its number from the
// register; then it is published on the consultation page. Every generation is a new version and all
// versions are kept. Each step checks the role and the commune, runs in one transaction guarded by the
// status it starts from (two clicks cannot both pass), and appends an audit event.
import { randomUUID } from "node:crypto";

import { z } from "zod";

import type { CommuneAccess } from "@/lib/auth/authorize";
import { FRONT_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import { db, type Tx } from "@/lib/db";
import { issueDocumentNumber } from "@/lib/register/issue-number";
import { AppError, conflict, forbidden, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportStatus, Role } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";
import { mergeThemes, renameTheme } from "@/lib/reports/themes/edit-themes";
import { themeSetSchema } from "@/lib/reports/themes/schemas";

import { missingForApproval } from "./answer-opinions";
import { lockForSubmission } from "./freeze";
import { type ReportSnapshot, takeSnapshot } from "./snapshot";

/** Only a leader approves; staff cannot, and nobody approves what the Front has not signed off. */
export const APPROVER_ROLES: readonly Role[] = ["LEADER"];
export const DRAFTING_ROLES: readonly Role[] = STAFF_ROLES;
export const REVIEWER_ROLES: readonly Role[] = FRONT_ROLES;

const id = z.string().min(1).max(40);
const text = (max: number) => z.string().trim().max(max, { error: "tooLong" });

export const reportContentSchema = z.object({
  introduction: z.string().max(20_000),
  conclusions: z.string().max(20_000),
  themes: themeSetSchema,
});
export type ReportContent = z.infer<typeof reportContentSchema>;

export const generateReportSchema = z.object({ communeId: id, consultationId: id });
export const reportStepSchema = z.object({ communeId: id, reportId: id });
export const editReportTextSchema = reportStepSchema.extend({
  introduction: text(20_000).min(1, { error: "reportIntroductionRequired" }),
  conclusions: text(20_000).min(1, { error: "reportConclusionsRequired" }),
});
export const renameThemeSchema = reportStepSchema.extend({ themeId: id, label: z.string().max(200) });
export const mergeThemesSchema = reportStepSchema.extend({ themeIds: z.array(id).min(2, { error: "themeMergeNeedsTwo" }).max(50), label: z.string().max(200).optional() });
/** The form's shape of a merge: one theme kept, one merged into it. */
export const mergeThemePairSchema = reportStepSchema.extend({ targetId: id, sourceId: id });
export const returnReportSchema = reportStepSchema.extend({
  notes: text(5000).min(10, { error: "reportNotesRequired" }),
});

function requireRole(access: CommuneAccess, roles: readonly Role[]) {
  if (!access.roles.some((r) => roles.includes(r))) throw forbidden();
}

/** "Tổng hợp, tiếp thu, giải trình ý kiến Nhân dân về dự thảo Kế hoạch …" */
export function reportSubject(consultationTitle: string): string {
  const title = consultationTitle.trim();
  // "Dự thảo Kế hoạch" reads "dự thảo Kế hoạch" inside the sentence; "UBND" stays as it is.
  const lowered = /^\p{Lu}\p{Lu}/u.test(title) ? title : title.charAt(0).toLocaleLowerCase("vi") + title.slice(1);
  return `Tổng hợp, tiếp thu, giải trình ý kiến Nhân dân về ${lowered}`;
}

export function defaultContent(snapshot: ReportSnapshot): Omit<ReportContent, "themes"> {
  const basis = snapshot.consultation.legalBasis.trim() || "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15";
  return {
    introduction: `Thực hiện ${basis.replace(/\.$/, "")}, Ủy ban nhân dân xã ${snapshot.commune.name} đã tổ chức lấy ý kiến Nhân dân về ${reportSubject(snapshot.consultation.title).replace(/^Tổng hợp, tiếp thu, giải trình ý kiến Nhân dân về /, "")}. Ủy ban nhân dân xã báo cáo kết quả tổng hợp, tiếp thu, giải trình ý kiến Nhân dân như sau:`,
    conclusions: `Ủy ban nhân dân xã ${snapshot.commune.name} tiếp thu các ý kiến hợp lý để hoàn thiện nội dung, giải trình các ý kiến chưa tiếp thu như trên và công khai kết quả cho Nhân dân biết.`,
  };
}

export async function loadReport(access: CommuneAccess, reportId: string) {
  const report = await db.report.findFirst({
    where: { id: reportId, communeId: access.communeId },
    select: { id: true, status: true, currentVersion: true, consultationId: true, consultation: { select: { title: true, status: true, commune: { select: { slug: true } } } } },
  });
  if (!report) throw notFound("reportNotFound");
  return report;
}

/** Moves the report from one status to the next, or fails with 409 if someone moved it first. */
export async function transition(tx: Tx, reportId: string, from: ReportStatus, data: Prisma.ReportUpdateManyMutationInput, code: string) {
  const { count } = await tx.report.updateMany({ where: { id: reportId, status: from }, data });
  if (count !== 1) throw conflict(code);
}

export async function audit(tx: Tx, access: CommuneAccess, action: string, reportId: string, details: Prisma.InputJsonObject, after?: unknown) {
  await appendAudit(tx, {
    communeId: access.communeId,
    actorId: access.userId,
    actorRole: access.actingRole,
    action,
    entityType: "Report",
    entityId: reportId,
    after: after ?? details,
    details,
  });
}

/**
 * A new version from a fresh snapshot. The first call creates the report. The staff's introduction
 * and conclusions carry over from the previous version; the themes are clustered again, as the
 * opinions they group may have changed.
 */
export async function generateReport(access: CommuneAccess, values: z.output<typeof generateReportSchema>, options: { now?: Date; snapshot?: ReportSnapshot } = {}) {
  requireRole(access, DRAFTING_ROLES);
  const consultation = await db.consultation.findFirst({
    where: { id: values.consultationId, communeId: access.communeId },
    select: { id: true, status: true, report: { select: { id: true, status: true } } },
  });
  if (!consultation) throw notFound("consultationNotFound");
  if (consultation.status === "DRAFT" || consultation.status === "SCHEDULED") throw conflict("reportConsultationNotPublished");
  if (consultation.report && consultation.report.status !== "DRAFT") throw conflict("reportNotDraft");

  const snapshot = options.snapshot ?? (await takeSnapshot(access.communeId, consultation.id, { now: options.now }));
  const previous = consultation.report
    ? await db.reportVersion.findFirst({ where: { reportId: consultation.report.id }, orderBy: { version: "desc" }, select: { content: true } })
    : null;
  const carried = previous ? reportContentSchema.partial().safeParse(previous.content) : null;
  const defaults = defaultContent(snapshot);
  const content: ReportContent = {
    introduction: carried?.success && carried.data.introduction ? carried.data.introduction : defaults.introduction,
    conclusions: carried?.success && carried.data.conclusions ? carried.data.conclusions : defaults.conclusions,
    themes: snapshot.themes,
  };

  return db.$transaction(
    async (tx) => {
      let reportId = consultation.report?.id;
      if (!reportId) {
        const created = await tx.report.upsert({
          where: { consultationId: consultation.id },
          create: { communeId: access.communeId, consultationId: consultation.id, createdById: access.userId },
          update: {},
          select: { id: true },
        });
        reportId = created.id;
      }
      // Guarded by the status: a report sent to the Front meanwhile is not changed.
      await transition(tx, reportId, "DRAFT", { currentVersion: { increment: 1 } }, "reportNotDraft");
      const { currentVersion: version } = await tx.report.findUniqueOrThrow({ where: { id: reportId }, select: { currentVersion: true } });
      // The snapshot of a large consultation is megabytes of JSON: serialised once here and cast by
      // PostgreSQL, which is several times faster than handing Prisma the object to walk.
      await tx.$executeRaw`
        INSERT INTO "ReportVersion" ("id", "communeId", "reportId", "version", "snapshot", "content", "createdById", "createdAt")
        VALUES (${randomUUID()}, ${access.communeId}, ${reportId}, ${version}, ${JSON.stringify(snapshot)}::jsonb, ${JSON.stringify(content)}::jsonb, ${access.userId}, now())`;
      await audit(tx, access, "report.generate", reportId, { consultationId: consultation.id, version, ...snapshot.counts, takenAt: snapshot.takenAt });
      return { reportId, version };
    },
    { timeout: 60_000 },
  );
}

/** The content of the report's latest version, for an edit while it is a draft. */
async function editContent(access: CommuneAccess, reportId: string, action: string, edit: (content: ReportContent) => ReportContent, details: Prisma.InputJsonObject) {
  requireRole(access, DRAFTING_ROLES);
  const report = await loadReport(access, reportId);
  if (report.status !== "DRAFT") throw conflict("reportNotDraft");
  if (report.currentVersion < 1) throw conflict("reportNoVersion");
  return db.$transaction(async (tx) => {
    // Lock the report row: two edits of the same version apply one after the other.
    const [locked] = await tx.$queryRaw<{ status: ReportStatus; currentVersion: number }[]>`
      SELECT "status"::text AS "status", "currentVersion" FROM "Report" WHERE "id" = ${report.id} FOR UPDATE`;
    if (locked?.status !== "DRAFT") throw conflict("reportNotDraft");
    const version = await tx.reportVersion.findUniqueOrThrow({ where: { reportId_version: { reportId: report.id, version: locked.currentVersion } }, select: { id: true, content: true } });
    const before = reportContentSchema.parse(version.content);
    const after = edit(before);
    await tx.reportVersion.update({ where: { id: version.id }, data: { content: after as unknown as Prisma.InputJsonValue } });
    await audit(tx, access, action, report.id, { version: locked.currentVersion, ...details }, { introduction: after.introduction, conclusions: after.conclusions, themes: after.themes.themes.map((t) => [t.id, t.label]) });
    return { version: locked.currentVersion };
  });
}

export const editReportText = (access: CommuneAccess, values: z.output<typeof editReportTextSchema>) =>
  editContent(access, values.reportId, "report.editText", (c) => ({ ...c, introduction: values.introduction, conclusions: values.conclusions }), {});

export const renameReportTheme = (access: CommuneAccess, values: z.output<typeof renameThemeSchema>) =>
  editContent(access, values.reportId, "report.renameTheme", (c) => ({ ...c, themes: renameTheme(c.themes, values.themeId, values.label) }), { themeId: values.themeId });

export const mergeReportThemes = (access: CommuneAccess, values: z.output<typeof mergeThemesSchema>) =>
  editContent(access, values.reportId, "report.mergeThemes", (c) => ({ ...c, themes: mergeThemes(c.themes, values.themeIds, values.label?.trim() || undefined) }), { themeIds: values.themeIds });

export async function submitToFront(access: CommuneAccess, values: z.output<typeof reportStepSchema>) {
  requireRole(access, DRAFTING_ROLES);
  const report = await loadReport(access, values.reportId);
  if (report.currentVersion < 1) throw conflict("reportNoVersion");
  return db.$transaction(async (tx) => {
    // From here the consultation is frozen (freeze.ts): wait for edits in flight, hold off new ones.
    await lockForSubmission(tx, report.consultationId, report.id, report.currentVersion);
    await transition(tx, report.id, "DRAFT", { status: "FRONT_REVIEW" }, "reportNotDraft");
    await audit(tx, access, "report.submit", report.id, { consultationId: report.consultationId, version: report.currentVersion });
    return { status: "FRONT_REVIEW" as const };
  });
}

export async function signOffReport(access: CommuneAccess, values: z.output<typeof reportStepSchema>, now = new Date()) {
  requireRole(access, REVIEWER_ROLES);
  const report = await loadReport(access, values.reportId);
  return db.$transaction(async (tx) => {
    await transition(tx, report.id, "FRONT_REVIEW", { status: "FRONT_SIGNED_OFF", frontSignedOffBy: access.userId, frontSignedOffAt: now }, "reportNotInReview");
    await audit(tx, access, "report.frontSignOff", report.id, { consultationId: report.consultationId, version: report.currentVersion });
    return { status: "FRONT_SIGNED_OFF" as const };
  });
}

/** The Front sends the report back with notes: they become supervision notes staff must answer. */
export async function returnReport(access: CommuneAccess, values: z.output<typeof returnReportSchema>) {
  requireRole(access, REVIEWER_ROLES);
  const report = await loadReport(access, values.reportId);
  const staff = await db.membership.findMany({
    where: { communeId: access.communeId, role: { in: STAFF_ROLES }, status: "VERIFIED" },
    select: { userId: true },
    distinct: ["userId"],
  });
  // Loaded here, not at the top: the catalogue loader pulls in React, which scripts that draft reports
  // outside Next (the benchmark, under the react-server condition) cannot load.
  const { notify } = await import("@/lib/notifications/notify");
  return db.$transaction(async (tx) => {
    await transition(tx, report.id, "FRONT_REVIEW", { status: "DRAFT" }, "reportNotInReview");
    const note = await tx.supervisionNote.create({
      data: { communeId: access.communeId, consultationId: report.consultationId, reportId: report.id, authorId: access.userId, body: values.notes },
      select: { id: true },
    });
    for (const s of staff) {
      await notify(tx, {
        communeId: access.communeId,
        userId: s.userId,
        kind: "noteReceived",
        params: { consultation: report.consultation.title },
        link: `/${report.consultation.commune.slug}/staff/consultations/${report.consultationId}/report`,
      });
    }
    await audit(tx, access, "report.frontReturn", report.id, { consultationId: report.consultationId, version: report.currentVersion, noteId: note.id }, { notes: values.notes });
    return { status: "DRAFT" as const, noteId: note.id };
  });
}

/**
 * What stands in the way of approval: unanswered opinions and notes now, and in the version itself,
 * and the Front's sign-off (Law 10/2022 Art. 23.3: the Front supervises; the summary needs its
 * sign-off before a leader approves it).
 */
export async function approvalBlockers(reportId: string, consultationId: string, version: number) {
  const [report, missing, stale] = await Promise.all([
    reportId ? db.report.findUnique({ where: { id: reportId }, select: { status: true } }) : Promise.resolve(null),
    missingForApproval(consultationId),
    version > 0
      ? db.$queryRaw<{ unanswered: number | null }[]>`
          SELECT ("snapshot"->'counts'->>'unanswered')::int AS "unanswered" FROM "ReportVersion" WHERE "reportId" = ${reportId} AND "version" = ${version}`
      : Promise.resolve([]),
  ]);
  const versionUnanswered = stale[0]?.unanswered ?? 0;
  const status = report?.status;
  const frontSignOff = status === "FRONT_SIGNED_OFF" || status === "APPROVED" || status === "PUBLISHED" ? "SIGNED" : status === "FRONT_REVIEW" ? "IN_REVIEW" : "NOT_SENT";
  return { ...missing, versionUnanswered, frontSignOff, ready: missing.ready && versionUnanswered === 0 && frontSignOff === "SIGNED" };
}

/**
 * A leader approves: refused unless the Front signed the report off, and while any opinion in scope
 * or any supervision note is unanswered (the error carries the counts; the page lists them). The
 * number is taken from the register in the same transaction, so a refusal consumes none.
 */
export async function approveReport(access: CommuneAccess, values: z.output<typeof reportStepSchema>) {
  requireRole(access, APPROVER_ROLES);
  const report = await loadReport(access, values.reportId);
  if (report.status !== "FRONT_SIGNED_OFF") throw conflict(report.status === "APPROVED" || report.status === "PUBLISHED" ? "reportAlreadyApproved" : "reportNotSignedOff");
  if (report.consultation.status === "PUBLISHED") throw conflict("reportConsultationOpen");
  const blockers = await approvalBlockers(report.id, report.consultationId, report.currentVersion);
  if (!blockers.ready) {
    throw new AppError("reportMissing", 409, { opinions: blockers.unansweredCount, notes: blockers.openNotes.length, version: blockers.versionUnanswered });
  }
  return db.$transaction(async (tx) => {
    // The approval's own event first: it takes the audit chain's lock, which numbering takes first too.
    await transition(tx, report.id, "FRONT_SIGNED_OFF", { status: "APPROVED", approvedById: access.userId }, "reportNotSignedOff");
    await audit(tx, access, "report.approve", report.id, { consultationId: report.consultationId, version: report.currentVersion });
    // Vietnam's UBND signs as the committee; the approving leader is the signer (see report-document).
    const issued = await issueDocumentNumber(tx, access, { type: "BC", subject: reportSubject(report.consultation.title) });
    await tx.report.update({ where: { id: report.id }, data: { documentId: issued.id, approvedAt: issued.issuedAt } });
    await tx.consultation.updateMany({ where: { id: report.consultationId, status: "CLOSED" }, data: { status: "SUMMARISED" } });
    return { status: "APPROVED" as const, number: issued.label, issuedAt: issued.issuedAt };
  });
}

/** Staff put the approved report on the consultation page, for anyone to download. */
export async function publishReport(access: CommuneAccess, values: z.output<typeof reportStepSchema>, now = new Date()) {
  requireRole(access, DRAFTING_ROLES);
  const report = await loadReport(access, values.reportId);
  const result = await db.$transaction(async (tx) => {
    await transition(tx, report.id, "APPROVED", { status: "PUBLISHED", publishedAt: now }, "reportNotApproved");
    await audit(tx, access, "report.publish", report.id, { consultationId: report.consultationId, version: report.currentVersion });
    return { status: "PUBLISHED" as const };
  });
  return { ...result, communeSlug: report.consultation.commune.slug, consultationId: report.consultationId };
}
