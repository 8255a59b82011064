// A report version as a DOCX or PDF file: who may have it, and what goes in the header. The published
// report is public; drafts and earlier versions only for the commune's staff and the Front.
import { requireCommuneAccess } from "@/lib/auth/authorize";
import { FRONT_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { notFound, unauthenticated } from "@/lib/errors";
import type { DocumentFormat } from "@/lib/documents/download";
import { renderDocument } from "@/lib/documents/render-cached";
import { withCommuneRecipients } from "@/lib/documents/recipients";

import { buildReportDocument, type ReportSigner } from "./report-document";
import { reportContentSchema, reportSubject } from "./report-workflow";
import type { ReportSnapshot } from "./snapshot";

/** The signer: the leader who approved, otherwise the commune's chair (a draft is prepared for them). */
async function signerOf(communeId: string, approvedById: string | null): Promise<ReportSigner> {
  const leaders = await db.membership.findMany({
    where: { communeId, role: "LEADER", status: "VERIFIED" },
    select: { userId: true, title: true, user: { select: { name: true } } },
  });
  const isVice = (title: string | null) => /phó/i.test(title ?? "");
  const leader = (approvedById ? leaders.find((l) => l.userId === approvedById) : null) ?? leaders.find((l) => !isVice(l.title)) ?? leaders[0];
  return { title: leader && isVice(leader.title) ? "VICE_CHAIR" : "CHAIR", name: leader?.user.name ?? "" };
}

/**
 * The report's file. Without a version, the current one. `userId` is the one asking (null when
 * signed out): the published current version needs nobody; anything else staff or the Front.
 */
export async function reportFile(reportId: string, format: DocumentFormat, userId: string | null, version?: number) {
  const report = await db.report.findUnique({
    where: { id: reportId },
    select: { id: true, communeId: true, status: true, currentVersion: true, approvedById: true, approvedAt: true, document: { select: { label: true, issuedAt: true } } },
  });
  if (!report || report.currentVersion < 1) throw notFound("reportNotFound");
  const wanted = version ?? report.currentVersion;
  const isPublic = report.status === "PUBLISHED" && wanted === report.currentVersion;
  if (!isPublic) {
    if (!userId) throw unauthenticated();
    // Anyone else gets the same 404 as for a report that does not exist.
    await requireCommuneAccess(userId, report.communeId, [...STAFF_ROLES, ...FRONT_ROLES]).catch(() => {
      throw notFound("reportNotFound");
    });
  }
  const row = await db.reportVersion.findUnique({ where: { reportId_version: { reportId: report.id, version: wanted } }, select: { snapshot: true, content: true } });
  if (!row) throw notFound("reportNotFound");
  const snapshot = row.snapshot as unknown as ReportSnapshot;
  const issued = wanted === report.currentVersion && (report.status === "APPROVED" || report.status === "PUBLISHED") ? report.document : null;
  const commune = await db.commune.findUniqueOrThrow({ where: { id: report.communeId }, select: { settings: true } });
  const built = buildReportDocument({
    snapshot,
    content: reportContentSchema.parse(row.content),
    numberLabel: issued?.label ?? null,
    issuedAt: issued?.issuedAt ?? null,
    // Approved is final even while the office's own register has not given the number (lib/register).
    draft: !issued,
    signer: await signerOf(report.communeId, report.approvedById),
    subject: reportSubject(snapshot.consultation.title),
  });
  const doc = withCommuneRecipients(built, commune.settings);
  // The public file is rendered once per version and kept (lib/documents/render-cached.ts).
  const bytes = await renderDocument(doc, format, { store: isPublic });
  const name = issued ? `bao-cao-${(issued.label ?? "cho-vao-so").replace(/\//g, "-")}` : `du-thao-bao-cao-v${wanted}`;
  return { bytes, fileName: `${name}.${format}`, isPublic };
}
