import { getTranslations } from "next-intl/server";

import { card } from "@/components/ui/styles";
import { currentPeriods, parseReportPeriod } from "@/lib/inspection/rules";

/** Links to the board's reports of the current quarter, half-year and year, and the previous quarter (PDF and DOCX). */
export async function ReportLinks({ slug, now = new Date() }: { slug: string; now?: Date }) {
  const t = await getTranslations("inspection");
  const [quarter, half, year] = currentPeriods(now) as [string, string, string];
  const q = parseReportPeriod(quarter)!;
  const previous = q.index === 1 ? `${q.year - 1}-Q4` : `${q.year}-Q${q.index - 1}`;
  const label = (key: string) => {
    const p = parseReportPeriod(key)!;
    return p.kind === "QUARTER" ? t("periodQuarter", { index: p.index, year: p.year }) : p.kind === "HALF" ? t("periodHalf", { index: p.index, year: p.year }) : t("periodYear", { year: p.year });
  };
  return (
    <section className={`${card} space-y-2`} aria-labelledby="inspection-reports">
      <h2 id="inspection-reports" className="text-xl font-semibold">
        {t("reports")}
      </h2>
      <p>{t("reportsIntro")}</p>
      <ul className="space-y-1">
        {[quarter, previous, half, year].map((key) => (
          <li key={key} className="flex flex-wrap items-center gap-x-3">
            <span className="font-medium">{label(key)}:</span>
            <a className="inline-flex min-h-11 items-center underline" href={`/api/communes/${slug}/inspection/report/pdf?period=${key}`} data-testid={`report-${key}-pdf`}>
              PDF
            </a>
            <a className="inline-flex min-h-11 items-center underline" href={`/api/communes/${slug}/inspection/report/docx?period=${key}`}>
              DOCX
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
