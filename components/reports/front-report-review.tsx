import { getTranslations } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { card } from "@/components/ui/styles";
import { getReportOverview } from "@/lib/reports/get-report";
import { returnReportAction, signOffReportAction } from "@/lib/reports/report-actions";

import { ReportDownloads, ReportStatusLine } from "./report-parts";

/** The Front's part of the report: read the draft, then sign it off or return it with notes. */
export async function FrontReportReview({ communeId, consultationId }: { communeId: string; consultationId: string }) {
  const [t, report] = await Promise.all([getTranslations("reportFlow"), getReportOverview(communeId, consultationId)]);
  if (!report || report.currentVersion < 1) return null;
  const step = { communeId, reportId: report.id };
  return (
    <section aria-labelledby="front-report-title" className={`${card} space-y-3`} data-testid="front-report">
      <h2 id="front-report-title" className="text-xl font-bold">
        {t("frontTitle")}
      </h2>
      <ReportStatusLine status={report.status} document={report.document} />
      <ReportDownloads reportId={report.id} version={report.currentVersion} />
      {report.status === "FRONT_REVIEW" ? (
        <>
          <p>{t("frontWaiting")}</p>
          <ActionForm action={signOffReportAction} fixed={step} fields={[]} submitLabel={t("signOff")} successMessage={t("signedOff")} confirmText={t("signOffConfirm")} />
          <ActionForm
            action={returnReportAction}
            fixed={step}
            legend={t("returnLegend")}
            fields={[{ name: "notes", label: t("notes"), kind: "textarea", maxLength: 5000 }]}
            submitLabel={t("return")}
            successMessage={t("returned")}
          />
        </>
      ) : null}
    </section>
  );
}
