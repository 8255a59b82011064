import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { NotesPanel } from "@/components/oversight/notes-panel";
import { ReportDownloads, ReportStatusLine, ReportVersions } from "@/components/reports/report-parts";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { getConsultationForStaff } from "@/lib/consultations/get-consultation";
import { Link } from "@/lib/i18n/navigation";
import { listSupervisionNotes } from "@/lib/oversight/list-for-review";
import { getReportOverview } from "@/lib/reports/get-report";
import {
  approveReportAction,
  editReportTextAction,
  generateReportAction,
  mergeReportThemesAction,
  publishReportAction,
  renameReportThemeAction,
  submitReportAction,
  withdrawReportAction,
} from "@/lib/reports/report-actions";
import { APPROVER_ROLES, approvalBlockers } from "@/lib/reports/report-workflow";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; commune: string; id: string }> };

/**
 * The summary report of a consultation for staff and leaders: generate versions, edit the text and
 * the themes while it is a draft, send it to the Front, read the Front's notes, see what is missing
 * before approval, approve (leaders), publish, download every version.
 */
export default async function StaffReport({ params }: Props) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, STAFF_ROLES);
  const consultation = await getConsultationForStaff(commune.id, id);
  if (!consultation || consultation.status === "DRAFT" || consultation.status === "SCHEDULED") notFound();
  const [t, format, report, notes] = await Promise.all([getTranslations(), getFormatter(), getReportOverview(commune.id, consultation.id), listSupervisionNotes(consultation.id)]);
  const blockers = await approvalBlockers(report?.id ?? "", consultation.id, report?.currentVersion ?? 0);
  const isLeader = APPROVER_ROLES.some((r) => access.roles.includes(r));
  const status = report?.status ?? "NONE";
  const isDraft = !report || report.status === "DRAFT";
  const step = report ? { communeId: commune.id, reportId: report.id } : null;
  const themes = report?.content?.themes.themes ?? [];
  const themeOptions = themes.filter((th) => th.kind === "theme").map((th) => ({ value: th.id, label: `${th.label} (${th.opinionIds.length})` }));

  return (
    <IntlIsland namespaces={["errors"]}>
    <div className="space-y-6">
      <div className="space-y-1">
        <p>
          <Link href={`/${commune.slug}/staff/consultations/${consultation.id}`}>← {consultation.title}</Link>
        </p>
        <h1 className={pageTitle}>{t("reportFlow.title")}</h1>
        <ReportStatusLine status={status} document={report?.document ?? null} />
        <p className="text-sm text-stone-700">{t("reportFlow.stepsHint")}</p>
      </div>

      <section aria-labelledby="report-actions" className={`${card} space-y-4`}>
        <h2 id="report-actions" className="sr-only">
          {t("reportFlow.actionsTitle")}
        </h2>
        <div className="flex flex-wrap items-start gap-4">
          {isDraft ? (
            <div className="space-y-1">
              <ActionForm
                action={generateReportAction}
                fixed={{ communeId: commune.id, consultationId: consultation.id }}
                fields={[]}
                submitLabel={report?.currentVersion ? t("reportFlow.regenerate") : t("reportFlow.generate")}
                successMessage={t("reportFlow.generated")}
              />
              <p className="text-sm text-stone-700">{t("reportFlow.generateHint")}</p>
            </div>
          ) : null}
          {step && report?.status === "DRAFT" && report.currentVersion > 0 ? (
            <ActionForm action={submitReportAction} fixed={step} fields={[]} submitLabel={t("reportFlow.submit")} successMessage={t("reportFlow.submitted")} confirmText={t("reportFlow.submitConfirm")} />
          ) : null}
          {step && (report?.status === "FRONT_REVIEW" || report?.status === "FRONT_SIGNED_OFF") ? (
            <div className="space-y-1">
              <p className="text-sm text-stone-700">{t("reportFreeze.frozenHint")}</p>
              <ActionForm
                action={withdrawReportAction}
                fixed={step}
                legend={t("reportFreeze.withdrawTitle")}
                fields={[{ name: "reason", label: t("reportFreeze.withdrawReason"), kind: "textarea", maxLength: 2000 }]}
                submitLabel={t("reportFreeze.withdraw")}
                successMessage={t("reportFreeze.withdrawn")}
                confirmText={t("reportFreeze.withdrawConfirm")}
              />
            </div>
          ) : null}
          {step && isLeader && report?.status === "FRONT_SIGNED_OFF" ? (
            <ActionForm action={approveReportAction} fixed={step} fields={[]} submitLabel={t("reportFlow.approve")} successMessage={t("reportFlow.approved")} confirmText={t("reportFlow.approveConfirm")} />
          ) : null}
          {step && report?.status === "APPROVED" ? (
            <ActionForm action={publishReportAction} fixed={step} fields={[]} submitLabel={t("reportFlow.publish")} successMessage={t("reportFlow.published")} confirmText={t("reportFlow.publishConfirm")} />
          ) : null}
        </div>
        {report && report.currentVersion > 0 ? <ReportDownloads reportId={report.id} version={report.currentVersion} /> : null}
      </section>

      <section aria-labelledby="missing-title" data-testid="report-missing" className={`rounded-xl border p-4 ${blockers.ready ? "border-green-300 bg-green-50" : "border-amber-300 bg-amber-50"}`}>
        <h2 id="missing-title" className="font-semibold">
          {t("reportFlow.missingTitle")}
        </h2>
        {blockers.ready ? <p>{t("reportFlow.missingReady")}</p> : null}
        {blockers.unansweredCount > 0 ? (
          <>
            <p>{t("reportFlow.missingOpinions", { count: blockers.unansweredCount })}</p>
            <ul className="list-disc pl-6">
              {blockers.unanswered.map((o) => (
                <li key={o.id}>{t("reportFlow.missingOpinion", { number: o.number, body: o.body.length > 120 ? `${o.body.slice(0, 120)}…` : o.body })}</li>
              ))}
            </ul>
            {blockers.unansweredCount > blockers.unanswered.length ? <p>{t("reportFlow.missingMore", { count: blockers.unansweredCount - blockers.unanswered.length })}</p> : null}
          </>
        ) : null}
        {blockers.openNotes.length > 0 ? (
          <>
            <p>{t("reportFlow.missingNotes", { count: blockers.openNotes.length })}</p>
            <ul className="list-disc pl-6">
              {blockers.openNotes.map((n) => (
                <li key={n.id} className="whitespace-pre-line">
                  {n.body}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {blockers.versionUnanswered > 0 ? <p>{t("reportFlow.missingVersion", { count: blockers.versionUnanswered })}</p> : null}
        {blockers.frontSignOff !== "SIGNED" ? (
          <p data-testid="report-missing-front">{blockers.frontSignOff === "IN_REVIEW" ? t("reportFlow.missingFrontInReview") : t("reportFlow.missingFrontNotSent")}</p>
        ) : null}
        {blockers.unansweredCount > 0 || blockers.openNotes.length > 0 || blockers.versionUnanswered > 0 ? (
          <p>
            <Link href={`/${commune.slug}/staff/consultations/${consultation.id}/opinions`}>{t("reportFlow.answerLink")}</Link>
          </p>
        ) : null}
      </section>

      {report ? (
        <section aria-labelledby="front-notes-title" className="space-y-2">
          <h2 id="front-notes-title" className="text-xl font-bold">
            {t("reportFlow.frontNotesTitle")}
          </h2>
          {report.frontNotes.length === 0 ? <p>{t("reportFlow.noFrontNotes")}</p> : null}
          <ul className="space-y-2">
            {report.frontNotes.map((n) => (
              <li key={n.id} className={card} data-testid="report-front-note">
                <p className="text-sm text-stone-700">{format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}</p>
                <p className="whitespace-pre-line">{n.body}</p>
                <p className="text-sm font-medium">{n.respondedAt ? t("reportFlow.noteAnswered", { response: n.response ?? "" }) : t("reportFlow.noteOpen")}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {step && report?.status === "DRAFT" && report.content ? (
        <>
          <section aria-labelledby="text-title" className={`${card} space-y-3`}>
            <h2 id="text-title" className="text-xl font-bold">
              {t("reportFlow.textTitle")}
            </h2>
            <ActionForm
              action={editReportTextAction}
              fixed={step}
              resetOnSuccess={false}
              fields={[
                { name: "introduction", label: t("reportFlow.introduction"), kind: "textarea", defaultValue: report.content.introduction, maxLength: 20_000 },
                { name: "conclusions", label: t("reportFlow.conclusions"), kind: "textarea", defaultValue: report.content.conclusions, maxLength: 20_000 },
              ]}
              submitLabel={t("reportFlow.saveText")}
              successMessage={t("reportFlow.textSaved")}
            />
          </section>
          <section aria-labelledby="themes-title" className="space-y-3">
            <h2 id="themes-title" className="text-xl font-bold">
              {t("reportFlow.themesTitle")}
            </h2>
            {themes.length === 0 ? <p>{t("reportFlow.noThemes")}</p> : null}
            <ul className="space-y-2">
              {themes.map((th) => (
                <li key={th.id} className={card}>
                  <p className="font-semibold">
                    {th.label} · {t("reportFlow.themeOpinions", { count: th.opinionIds.length })}
                  </p>
                  {th.kind === "theme" ? (
                    <ActionForm
                      action={renameReportThemeAction}
                      fixed={{ ...step, themeId: th.id }}
                      resetOnSuccess={false}
                      fields={[{ name: "label", label: t("reportFlow.themeRename", { label: th.label }), kind: "text", defaultValue: th.label, maxLength: 200 }]}
                      submitLabel={t("reportFlow.rename")}
                      successMessage={t("reportFlow.renamed")}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
            {themeOptions.length >= 2 ? (
              <div className={card}>
                <ActionForm
                  action={mergeReportThemesAction}
                  fixed={step}
                  legend={t("reportFlow.mergeTitle")}
                  fields={[
                    { name: "targetId", label: t("reportFlow.mergeTarget"), kind: "select", options: themeOptions, defaultValue: themeOptions[0]!.value },
                    { name: "sourceId", label: t("reportFlow.mergeSource"), kind: "select", options: themeOptions, defaultValue: themeOptions[1]!.value },
                  ]}
                  submitLabel={t("reportFlow.merge")}
                  successMessage={t("reportFlow.merged")}
                />
              </div>
            ) : null}
          </section>
        </>
      ) : null}

      {report ? <ReportVersions reportId={report.id} versions={report.versions} current={report.currentVersion} /> : null}

      <NotesPanel notes={notes} communeId={commune.id} consultationId={consultation.id} viewer="staff" />
    </div>
    </IntlIsland>
  );
}
