import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { FiguresTable } from "@/components/dashboard/figures-table";
import { PeriodName } from "@/components/dashboard/period-name";
import { ActionForm } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { Link } from "@/lib/i18n/navigation";
import { issuePeriodicReportAction, savePeriodicReportAction } from "@/lib/periodic-reports/actions";
import { getPeriodicReport } from "@/lib/periodic-reports/periodic-report";
import { currentAndPreviousQuarter, offeredPeriods, parseReportPeriod } from "@/lib/periodic-reports/periods";
import { PERIODIC_WRITER_ROLES } from "@/lib/periodic-reports/roles";
import { dmy } from "@/lib/periodic-reports/wording";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "periodicReports" });
  return { title: t("title") };
}

/** Staff draft, save and issue the periodic report on grassroots democracy; the quarterly disclosure list is here too. */
export default async function PeriodicReports({ params, searchParams }: { params: Promise<{ locale: string; commune: string }>; searchParams: Promise<{ period?: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, PERIODIC_WRITER_ROLES);
  const now = new Date();
  const offered = offeredPeriods(now);
  const asked = (await searchParams).period;
  const key = asked && parseReportPeriod(asked) ? asked : currentAndPreviousQuarter(now)[1];
  const [t, tr, report] = await Promise.all([getTranslations("periodicReports"), getTranslations("periodicReports.row"), getPeriodicReport(commune.id, key, now)]);
  const f = report.figures;
  const isOver = now.getTime() >= report.period.to.getTime();
  const base = `/${commune.slug}/staff/periodic-reports`;
  const quarters = currentAndPreviousQuarter(now);
  return (
    <IntlIsland namespaces={["errors"]}>
      <div className="space-y-6">
        <h1 className={pageTitle}>{t("title")}</h1>
        <p className="max-w-3xl">{t("intro")}</p>
        <nav aria-label={t("periods")} className="flex flex-wrap gap-x-4 gap-y-1">
          <span className="font-medium">{t("periods")}:</span>
          {[...new Set([...offered, report.period.key])].map((p) => (
            <Link key={p} href={`${base}?period=${p}`} aria-current={p === report.period.key ? "page" : undefined} className={p === report.period.key ? "font-bold" : ""}>
              <PeriodName periodKey={p} />
            </Link>
          ))}
        </nav>

        <section className={`${card} space-y-3`} aria-labelledby="periodic-figures">
          <h2 id="periodic-figures" className="text-xl font-semibold">
            <PeriodName periodKey={report.period.key} /> ({dmy(f.period.firstDay)} – {dmy(f.period.lastDay)})
          </h2>
          <p data-testid="periodic-status">
            <span className="font-medium">{t("status")}:</span> {report.status === "ISSUED" ? t("statusISSUED", { number: report.numberLabel ?? "" }) : t(`status${report.status}`)}
          </p>
          <p className="flex flex-wrap gap-x-4">
            <span className="font-medium">{t("download")}:</span>
            <a className="inline-flex min-h-11 items-center underline" href={`/api/communes/${commune.slug}/periodic-reports/pdf?period=${report.period.key}`} data-testid="periodic-pdf">
              PDF
            </a>
            <a className="inline-flex min-h-11 items-center underline" href={`/api/communes/${commune.slug}/periodic-reports/docx?period=${report.period.key}`} data-testid="periodic-docx">
              DOCX
            </a>
          </p>
          <FiguresTable
            caption={t("figures")}
            testId="periodic-figures-table"
            header={[t("figure"), t("value")]}
            rows={[
              [tr("disclosed"), f.disclosed.count],
              [tr("consulted"), f.consulted.count],
              [tr("decided"), f.decided.count],
              [tr("decidedPassed"), f.decided.passed],
              [tr("opinionsReceived"), f.opinions.received],
              [tr("opinionsAnswered"), f.opinions.answered],
              [tr("meetings"), f.meetings.count],
              [tr("casesReceived"), f.cases.received],
              [tr("casesResolved"), f.cases.resolved],
              [tr("casesPending"), f.cases.pendingAtEnd],
              [tr("dialogues"), f.dialogues.held],
              [tr("ratingAnswers"), f.ratings.answers],
              [tr("ratingOverall"), f.ratings.overall === null ? t("notEnoughRatings") : String(f.ratings.overall)],
            ]}
          />
        </section>

        {report.status === "ISSUED" ? null : (
          <section className={`${card} space-y-3`} aria-labelledby="periodic-texts">
            <h2 id="periodic-texts" className="text-xl font-semibold">
              {t("texts")}
            </h2>
            <ActionForm
              action={savePeriodicReportAction}
              fixed={{ communeId: commune.id, period: report.period.key }}
              resetOnSuccess={false}
              fields={[
                { name: "introduction", label: t("introduction"), kind: "textarea", required: true, rows: 4, maxLength: 8000, defaultValue: report.texts.introduction },
                { name: "assessment", label: t("assessment"), kind: "textarea", rows: 5, maxLength: 8000, defaultValue: report.texts.assessment },
                { name: "recommendations", label: t("recommendations"), kind: "textarea", rows: 4, maxLength: 8000, defaultValue: report.texts.recommendations },
              ]}
              submitLabel={t("save")}
              successMessage={t("saved")}
            />
            {isOver ? (
              <ActionForm action={issuePeriodicReportAction} fixed={{ communeId: commune.id, period: report.period.key }} fields={[]} submitLabel={t("issue")} successMessage={t("issued")} confirmText={t("issueConfirm")} />
            ) : (
              <p>{t("issueNotYet", { day: dmy(f.period.lastDay) })}</p>
            )}
          </section>
        )}

        <section className={`${card} space-y-2`} aria-labelledby="disclosure-list">
          <h2 id="disclosure-list" className="text-xl font-semibold">
            {t("disclosureList")}
          </h2>
          <p className="max-w-3xl">{t("disclosureListIntro")}</p>
          <ul className="space-y-1">
            {[quarters[1], quarters[0]].map((q) => (
              <li key={q} className="flex flex-wrap items-center gap-x-3">
                <span className="font-medium">
                  <PeriodName periodKey={q} />:
                </span>
                <a className="inline-flex min-h-11 items-center underline" href={`/api/communes/${commune.slug}/disclosure-list/pdf?quarter=${q}`} data-testid={`disclosure-list-${q}-pdf`}>
                  PDF
                </a>
                <a className="inline-flex min-h-11 items-center underline" href={`/api/communes/${commune.slug}/disclosure-list/docx?quarter=${q}`}>
                  DOCX
                </a>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </IntlIsland>
  );
}
