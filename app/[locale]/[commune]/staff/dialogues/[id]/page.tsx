import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { ConferenceDetails } from "@/components/dialogues/conference-details";
import { MinutesUpload } from "@/components/dialogues/minutes-upload";
import { QuestionCard } from "@/components/dialogues/question-card";
import { ActionForm } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { toVnDate } from "@/lib/consultations/periods";
import {
  answerDialogueQuestionAction,
  moderateDialogueQuestionAction,
  publishDialogueResultsAction,
  raiseDialogueQuestionAction,
  recordDialogueResultsAction,
} from "@/lib/dialogues/actions";
import { getConference } from "@/lib/dialogues/read-dialogues";
import { RECORD_ROLES } from "@/lib/dialogues/roles";
import { Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ locale: string; commune: string; id: string }> };

const REASONS = ["ABUSE", "PERSONAL_DATA", "SPAM", "OFF_TOPIC", "UNLAWFUL", "OTHER"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dialogues.staff");
  return { title: t("manage") };
}

/** Staff moderate questions, then record the conference: questions raised, answers, minutes, attendance, publication. */
export default async function StaffDialoguePage({ params }: Params) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, RECORD_ROLES);
  if (id.length > 40) notFound();
  const [conference, t, tEnums] = await Promise.all([getConference(commune.id, id, { oversee: true, userId: access.userId }), getTranslations("dialogues"), getTranslations("enums")]);
  if (!conference) notFound();
  const open = conference.resultsPublishedAt === null;
  const editable = conference.isHeld && open;
  const statuses = (["ANSWERED", "IN_PROGRESS", "DONE"] as const).map((s) => ({ value: s, label: t(`status.${s}`) }));

  return (
    <IntlIsland namespaces={["errors", "dialogues.staff"]}>
      <article className="space-y-8">
        <div className="space-y-3">
          <h1 className={pageTitle}>{conference.title}</h1>
          <ConferenceDetails conference={conference} />
          <Link href={`/${commune.slug}/dialogues/${conference.id}`}>{t("staff.viewPublic")}</Link>
        </div>

        <section aria-labelledby="staff-questions-title" className="space-y-3">
          <h2 id="staff-questions-title" className="text-xl font-semibold">
            {t("questionsTitle")}
          </h2>
          {conference.questions.length === 0 ? <p>{t("noQuestions")}</p> : null}
          <ul className="space-y-3">
            {conference.questions.map((q) => (
              <QuestionCard key={q.id} question={q}>
                <details className="mt-2">
                  <summary className="min-h-11 cursor-pointer py-2 font-medium">
                    {t("staff.moderate")} ({t("questionNumber", { number: q.number })})
                  </summary>
                  <ActionForm
                    action={moderateDialogueQuestionAction}
                    fixed={{ communeId: commune.id, questionId: q.id, action: q.moderationState === "VISIBLE" ? "HIDE" : "RESTORE" }}
                    fields={[
                      { name: "reason", label: t("staff.reason"), kind: "select", options: REASONS.map((r) => ({ value: r, label: tEnums(`ModerationReason.${r}`) })) },
                      { name: "details", label: t("staff.details"), kind: "textarea", maxLength: 1000 },
                    ]}
                    submitLabel={q.moderationState === "VISIBLE" ? t("staff.hide") : t("staff.restore")}
                    successMessage={t("staff.moderated")}
                  />
                </details>
                {editable && q.moderationState === "VISIBLE" ? (
                  <div className="mt-2 border-t border-stone-200 pt-2">
                    <ActionForm
                      action={answerDialogueQuestionAction}
                      fixed={{ communeId: commune.id, questionId: q.id }}
                      resetOnSuccess={false}
                      legend={`${t("answer")} (${t("questionNumber", { number: q.number })})`}
                      fields={[
                        { name: "answer", label: t("answer"), kind: "textarea", maxLength: 4000, defaultValue: q.answer ?? "" },
                        { name: "responsible", label: t("responsible"), kind: "text", maxLength: 200, defaultValue: q.responsible ?? "" },
                        { name: "deadline", label: t("deadline"), kind: "date", defaultValue: q.deadline ? toVnDate(q.deadline) : "" },
                        { name: "status", label: t("statusLabel"), kind: "select", options: statuses, defaultValue: q.status === "UNANSWERED" ? "ANSWERED" : q.status },
                      ]}
                      submitLabel={t("staff.answerSubmit")}
                      successMessage={t("staff.answered")}
                    />
                  </div>
                ) : null}
              </QuestionCard>
            ))}
          </ul>
        </section>

        {!conference.isHeld ? <p>{t("staff.notHeldYet")}</p> : null}
        {editable ? (
          <>
            <section aria-labelledby="raise-title" className={`${card} space-y-3`}>
              <h2 id="raise-title" className="text-xl font-semibold">
                {t("staff.raise")}
              </h2>
              <ActionForm
                action={raiseDialogueQuestionAction}
                fixed={{ communeId: commune.id, conferenceId: conference.id }}
                fields={[
                  { name: "askedBy", label: t("staff.fieldAskedBy"), kind: "text", maxLength: 200 },
                  { name: "body", label: t("staff.fieldBody"), kind: "textarea", maxLength: 2000 },
                ]}
                submitLabel={t("staff.raiseSubmit")}
                successMessage={t("staff.raised")}
              />
            </section>
            <section aria-labelledby="record-title" className={`${card} space-y-3`}>
              <h2 id="record-title" className="text-xl font-semibold">
                {t("staff.record")}
              </h2>
              <ActionForm
                action={recordDialogueResultsAction}
                fixed={{ communeId: commune.id, conferenceId: conference.id }}
                resetOnSuccess={false}
                fields={[
                  { name: "minutesText", label: t("staff.fieldMinutes"), kind: "textarea", rows: 8, maxLength: 20000, defaultValue: conference.minutesText ?? "" },
                  { name: "attendanceCount", label: t("staff.fieldAttendance"), kind: "number", defaultValue: conference.attendanceCount?.toString() ?? "" },
                  { name: "attendedVillageIds", label: t("staff.fieldAttended"), kind: "checkboxes", options: conference.villages.map((v) => ({ value: v.id, label: v.name, defaultChecked: v.attended })) },
                ]}
                submitLabel={t("staff.recordSubmit")}
                successMessage={t("staff.recorded")}
              />
              <MinutesUpload slug={commune.slug} conferenceId={conference.id} />
              {conference.minutesAttachmentId ? (
                <p>
                  <a href={`/api/communes/${commune.slug}/dialogues/${conference.id}/minutes`} className="underline">
                    {t("minutesFile")}
                  </a>
                </p>
              ) : null}
            </section>
            <section aria-labelledby="publish-title" className={`${card} space-y-3`}>
              <h2 id="publish-title" className="text-xl font-semibold">
                {t("staff.publish")}
              </h2>
              <p>{t("staff.publishIntro")}</p>
              <ActionForm action={publishDialogueResultsAction} fixed={{ communeId: commune.id, conferenceId: conference.id }} fields={[]} submitLabel={t("staff.publish")} successMessage={t("staff.published")} />
            </section>
          </>
        ) : null}
      </article>
    </IntlIsland>
  );
}
