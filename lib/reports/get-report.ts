// What the report pages show: the report's status, its versions (figures read from the stored
// snapshots by PostgreSQL, without loading them), the current version's editable content, and the
// Front's notes on it.
import { db } from "@/lib/db";

import { reportContentSchema } from "./report-workflow";

export async function getReportOverview(communeId: string, consultationId: string) {
  const report = await db.report.findFirst({
    where: { consultationId, communeId },
    select: {
      id: true,
      status: true,
      currentVersion: true,
      frontSignedOffAt: true,
      approvedAt: true,
      publishedAt: true,
      document: { select: { label: true, issuedAt: true } },
    },
  });
  if (!report) return null;
  const [versions, current, frontNotes] = await Promise.all([
    db.$queryRaw<{ version: number; createdAt: Date; opinions: number; unanswered: number }[]>`
      SELECT "version", "createdAt",
        COALESCE(("snapshot"->'counts'->>'opinions')::int, 0) AS "opinions",
        COALESCE(("snapshot"->'counts'->>'unanswered')::int, 0) AS "unanswered"
      FROM "ReportVersion" WHERE "reportId" = ${report.id} ORDER BY "version" DESC`,
    report.currentVersion > 0
      ? db.reportVersion.findUnique({ where: { reportId_version: { reportId: report.id, version: report.currentVersion } }, select: { content: true } })
      : null,
    db.supervisionNote.findMany({
      where: { reportId: report.id, communeId },
      select: { id: true, body: true, response: true, respondedAt: true, createdAt: true },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const content = current ? reportContentSchema.safeParse(current.content) : null;
  return { ...report, versions, content: content?.success ? content.data : null, frontNotes };
}

export type ReportOverview = NonNullable<Awaited<ReturnType<typeof getReportOverview>>>;

/** The published report of a consultation, for its public page. */
export const getPublishedReport = (consultationId: string) =>
  db.report.findFirst({
    where: { consultationId, status: "PUBLISHED" },
    select: { id: true, currentVersion: true, document: { select: { label: true, issuedAt: true } } },
  });

export const reportDocumentHref = (reportId: string, format: "docx" | "pdf", version?: number) =>
  `/api/reports/${reportId}/document?format=${format}${version ? `&version=${version}` : ""}`;
