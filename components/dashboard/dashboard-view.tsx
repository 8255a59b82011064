import { getTranslations } from "next-intl/server";

import { FiguresTable } from "@/components/dashboard/figures-table";
import { PeriodName } from "@/components/dashboard/period-name";
import { card, pageTitle } from "@/components/ui/styles";
import { vnDate } from "@/lib/calendar/working-days";
import { renderBarChart } from "@/lib/dashboard/charts";
import { dashboardData, quarterRows } from "@/lib/dashboard/series";
import { Link } from "@/lib/i18n/navigation";

/**
 * The dashboard for leaders and the Front: the periodic report's figures by quarter and by village,
 * each chart drawn on the server (SVG, no script) with its table beside it, and the documents.
 */
export async function DashboardView({ communeId, slug, basePath, year, now = new Date() }: { communeId: string; slug: string; basePath: string; year: number; now?: Date }) {
  const [t, tr, data] = await Promise.all([getTranslations("periodicReports.dashboard"), getTranslations("periodicReports.row"), dashboardData(communeId, year, now)]);
  const rows = quarterRows(data);
  const thisYear = Number(vnDate(now).slice(0, 4));
  const quarterName = (key: string) => `${key.slice(5)}/${key.slice(0, 4)}`;

  const overTimeSvg = rows.length
    ? renderBarChart({
        categories: rows.map((r) => quarterName(r.key)),
        series: [
          { name: tr("disclosed"), data: rows.map((r) => r.disclosed) },
          { name: tr("opinionsReceived"), data: rows.map((r) => r.opinionsReceived) },
          { name: tr("opinionsAnswered"), data: rows.map((r) => r.opinionsAnswered) },
          { name: t("cases"), data: rows.map((r) => r.casesReceived) },
          { name: tr("casesResolved"), data: rows.map((r) => r.casesResolved) },
          { name: tr("meetings"), data: rows.map((r) => r.meetings) },
        ],
      })
    : null;
  const villages = data.total.villages;
  const villageSvg = villages.length
    ? renderBarChart({
        horizontal: true,
        categories: villages.map((v) => v.name),
        series: [
          { name: t("opinions"), data: villages.map((v) => v.opinions) },
          { name: t("meetings"), data: villages.map((v) => v.meetings) },
          { name: t("decisionParticipants"), data: villages.map((v) => v.decisionParticipants) },
          { name: t("cases"), data: villages.map((v) => v.cases) },
        ],
      })
    : null;

  return (
    <div className="space-y-6">
      <h1 className={pageTitle}>{t("title")}</h1>
      <p className="max-w-3xl">{t("intro")}</p>
      <nav aria-label={t("year")} className="flex flex-wrap gap-3">
        <span className="font-medium">{t("year")}:</span>
        {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
          <Link key={y} href={`${basePath}?year=${y}`} aria-current={y === year ? "page" : undefined} className={y === year ? "font-bold" : ""}>
            {y}
          </Link>
        ))}
      </nav>

      <section className={`${card} space-y-3`} aria-labelledby="dashboard-over-time">
        <h2 id="dashboard-over-time" className="text-xl font-semibold">
          {t("overTime")}
        </h2>
        {overTimeSvg ? (
          <div className="grid gap-4 lg:grid-cols-2">
            <figure role="img" aria-label={t("overTimeChart", { year })} data-testid="chart-over-time" dangerouslySetInnerHTML={{ __html: overTimeSvg }} />
            <FiguresTable
              caption={t("overTime")}
              testId="table-over-time"
              header={[t("quarter"), ...rows.map((r) => quarterName(r.key))]}
              rows={(["disclosed", "consulted", "decided", "opinionsReceived", "opinionsAnswered", "meetings", "casesReceived", "casesResolved", "dialogues", "ratingAnswers", "ratingOverall"] as const).map((k) => [
                tr(k),
                ...rows.map((r) => (r[k] === null ? "—" : String(r[k]))),
              ])}
            />
          </div>
        ) : (
          <p>{t("noData")}</p>
        )}
      </section>

      <section className={`${card} space-y-3`} aria-labelledby="dashboard-villages">
        <h2 id="dashboard-villages" className="text-xl font-semibold">
          {t("perVillage", { year })}
        </h2>
        {villageSvg ? (
          <div className="grid gap-4 lg:grid-cols-2">
            <figure role="img" aria-label={t("perVillageChart", { year })} data-testid="chart-villages" dangerouslySetInnerHTML={{ __html: villageSvg }} />
            <FiguresTable
              caption={t("perVillage", { year })}
              testId="table-villages"
              header={[t("village"), t("opinions"), t("meetings"), t("meetingHouseholds"), t("decisionTurnout"), t("cases")]}
              rows={villages.map((v) => [v.name, v.opinions, v.meetings, v.meetingHouseholdsPresent, `${v.decisionParticipants}/${v.decisionEligible}`, v.cases])}
            />
          </div>
        ) : (
          <p>{t("noData")}</p>
        )}
      </section>

      <section className={`${card} space-y-2`} aria-labelledby="dashboard-documents">
        <h2 id="dashboard-documents" className="text-xl font-semibold">
          {t("documents")}
        </h2>
        <ul className="space-y-1">
          {[...rows.map((r) => r.key), String(year)].map((key) => (
            <li key={key} className="flex flex-wrap items-center gap-x-3">
              <span className="font-medium">
                <PeriodName periodKey={key} />:
              </span>
              <a className="inline-flex min-h-11 items-center underline" href={`/api/communes/${slug}/periodic-reports/pdf?period=${key}`} data-testid={`report-${key}-pdf`}>
                {t("report", { period: "PDF" })}
              </a>
              <a className="inline-flex min-h-11 items-center underline" href={`/api/communes/${slug}/periodic-reports/docx?period=${key}`} data-testid={`report-${key}-docx`}>
                {t("report", { period: "DOCX" })}
              </a>
              {key.includes("Q") ? (
                <a className="inline-flex min-h-11 items-center underline" href={`/api/communes/${slug}/disclosure-list/pdf?quarter=${key}`} data-testid={`list-${key}-pdf`}>
                  {t("list", { period: "PDF" })}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
