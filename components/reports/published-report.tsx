import { getFormatter, getTranslations } from "next-intl/server";

import { getPublishedReport } from "@/lib/reports/get-report";

import { ReportDownloads } from "./report-parts";
import { shownLabel } from "@/lib/register/label";

/** On the public consultation page: the approved summary report, to download, once it is published. */
export async function PublishedReport({ consultationId }: { consultationId: string }) {
  const report = await getPublishedReport(consultationId);
  if (!report?.document) return null;
  const [t, format] = await Promise.all([getTranslations("reportFlow"), getFormatter()]);
  return (
    <section aria-labelledby="published-report-title" className="space-y-2 rounded-xl border border-stone-200 bg-white p-4" data-testid="published-report">
      <h2 id="published-report-title" className="text-xl font-bold">
        {t("publicTitle")}
      </h2>
      <p>
        {t("publicHint", { number: shownLabel(report.document.label, "BC") })} {format.dateTime(report.document.issuedAt, { dateStyle: "medium" })}
      </p>
      <ReportDownloads reportId={report.id} />
    </section>
  );
}
