import { getFormatter, getTranslations } from "next-intl/server";

import { buttonSecondary } from "@/components/ui/styles";
import { reportDocumentHref } from "@/lib/reports/get-report";
import { shownLabel } from "@/lib/register/label";

/** "Trạng thái: Dự thảo", and the number once the report has one. */
export async function ReportStatusLine({ status, document }: { status: string; document: { label: string | null; issuedAt: Date } | null }) {
  const t = await getTranslations("reportFlow");
  const format = await getFormatter();
  return (
    <div data-testid="report-status" data-status={status}>
      <p className="font-medium">{t("statusLabel", { status: t(`status.${status}` as "status.DRAFT") })}</p>
      {document ? <p>{t("number", { number: shownLabel(document.label, "BC"), date: format.dateTime(document.issuedAt, { dateStyle: "medium" }) })}</p> : null}
    </div>
  );
}

/** Plain links: the browser downloads the files, no script needed. */
export async function ReportDownloads({ reportId, version }: { reportId: string; version?: number }) {
  const t = await getTranslations("reportFlow");
  return (
    <div className="flex flex-wrap gap-3" aria-label={t("download")} role="group">
      <a className={buttonSecondary} href={reportDocumentHref(reportId, "docx", version)} download data-testid="report-docx">
        {t("downloadDocx", { version: version ?? "" })}
      </a>
      <a className={buttonSecondary} href={reportDocumentHref(reportId, "pdf", version)} download data-testid="report-pdf">
        {t("downloadPdf", { version: version ?? "" })}
      </a>
    </div>
  );
}

export async function ReportVersions({ reportId, versions, current }: { reportId: string; versions: { version: number; createdAt: Date; opinions: number; unanswered: number }[]; current: number }) {
  const t = await getTranslations("reportFlow");
  const format = await getFormatter();
  return (
    <section aria-labelledby="versions-title" className="space-y-2">
      <h2 id="versions-title" className="text-xl font-bold">
        {t("versionsTitle")}
      </h2>
      <ul className="space-y-2">
        {versions.map((v) => (
          <li key={v.version} className="rounded-lg border border-stone-200 bg-white p-3" data-testid="report-version">
            <p>
              {t("versionLine", { version: v.version, date: format.dateTime(v.createdAt, { dateStyle: "medium", timeStyle: "short" }), opinions: v.opinions, unanswered: v.unanswered })}
              {v.version === current ? ` (${t("current")})` : ""}
            </p>
            <p className="flex flex-wrap gap-4 text-sm">
              <a href={reportDocumentHref(reportId, "docx", v.version)} download>
                {t("downloadDocx", { version: v.version })}
              </a>
              <a href={reportDocumentHref(reportId, "pdf", v.version)} download>
                {t("downloadPdf", { version: v.version })}
              </a>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
