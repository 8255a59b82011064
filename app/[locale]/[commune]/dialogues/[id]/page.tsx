import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { ConferenceDetails } from "@/components/dialogues/conference-details";
import { QuestionCard } from "@/components/dialogues/question-card";
import { ActionForm } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { Listen } from "@/components/read-aloud/listen";
import { card, pageTitle } from "@/components/ui/styles";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { agreeDialogueQuestionAction, askDialogueQuestionAction } from "@/lib/dialogues/actions";
import { conferenceLoudspeakerText } from "@/lib/dialogues/loudspeaker";
import { getConference, loudspeakerInputOf } from "@/lib/dialogues/read-dialogues";
import { dialogueViewer } from "@/lib/dialogues/viewer";
import { Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ locale: string; commune: string; id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dialogues");
  return { title: t("title") };
}

/** A conference: the announcement, the loudspeaker text, residents' questions, and its published results. */
export default async function DialoguePage({ params }: Params) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune || id.length > 40) notFound();
  const viewer = await dialogueViewer(commune.id);
  const [conference, announcement, t] = await Promise.all([
    getConference(commune.id, id, { oversee: viewer.oversees, userId: viewer.userId }),
    loudspeakerInputOf(commune.id, id),
    getTranslations("dialogues"),
  ]);
  if (!conference || !announcement) notFound();
  const published = conference.resultsPublishedAt !== null;
  const showResults = published || viewer.oversees;

  return (
    <IntlIsland namespaces={["errors"]}>
      <article className="space-y-8">
        <div className="space-y-3">
          <p>
            <Link href={`/${commune.slug}/dialogues`}>{t("title")}</Link>
          </p>
          <h1 className={pageTitle}>{conference.title}</h1>
          <ConferenceDetails conference={conference} />
          {viewer.mayRecord ? <Link href={`/${commune.slug}/staff/dialogues/${conference.id}`}>{t("staff.manage")}</Link> : null}
          <details className={card}>
            <summary className="min-h-11 cursor-pointer py-2 font-semibold">{t("loudspeaker")}</summary>
            <div className="whitespace-pre-line" data-testid="dialogue-loudspeaker">
              {conferenceLoudspeakerText(announcement)}
            </div>
          </details>
          <Listen communeSlug={commune.slug} kind="dialogue" id={id} text={conferenceLoudspeakerText(announcement)} />
        </div>

        <section aria-labelledby="questions-title" className="space-y-3">
          <h2 id="questions-title" className="text-xl font-semibold">
            {t("questionsTitle")}
          </h2>
          <p>{t("questionsIntro")}</p>
          {conference.questions.length === 0 ? <p>{t("noQuestions")}</p> : null}
          <ul className="space-y-3">
            {conference.questions.map((q) => (
              <QuestionCard key={q.id} question={showResults ? q : { ...q, answer: null }}>
                {viewer.residentId && conference.isOpenForQuestions && !q.isMine && !q.hasAgreed && q.moderationState === "VISIBLE" && q.source === "BEFOREHAND" ? (
                  <ActionForm action={agreeDialogueQuestionAction} fixed={{ communeId: commune.id, questionId: q.id }} fields={[]} submitLabel={`${t("agree")} (${t("questionNumber", { number: q.number })})`} successMessage={t("agreed")} />
                ) : null}
              </QuestionCard>
            ))}
          </ul>
          {conference.isOpenForQuestions ? (
            viewer.residentId ? (
              <div className={card}>
                <ActionForm
                  action={askDialogueQuestionAction}
                  fixed={{ communeId: commune.id, conferenceId: conference.id }}
                  fields={[{ name: "body", label: t("ask"), kind: "textarea", maxLength: 2000 }]}
                  submitLabel={t("askSubmit")}
                  successMessage={t("asked")}
                />
              </div>
            ) : (
              <p>{t("requests.signIn")}</p>
            )
          ) : (
            <p>{t("questionsClosed")}</p>
          )}
        </section>

        {conference.isHeld ? (
          <section id="results" aria-labelledby="results-title" className="space-y-3">
            <h2 id="results-title" className="text-xl font-semibold">
              {t("results")}
            </h2>
            {showResults && conference.minutesText ? (
              <div className="space-y-2" data-testid="dialogue-results">
                <p className="font-medium">{t("attendance", { count: conference.attendanceCount ?? 0 })}</p>
                <p>
                  {t("attendedVillages")}: {conference.villages.filter((v) => v.attended).map((v) => v.name).join(", ")}
                </p>
                <h3 className="text-lg font-semibold">{t("minutes")}</h3>
                <p className="whitespace-pre-line">{conference.minutesText}</p>
                {conference.minutesAttachmentId ? (
                  <p>
                    <a href={`/api/communes/${commune.slug}/dialogues/${conference.id}/minutes`} className="underline">
                      {t("minutesFile")}
                    </a>
                  </p>
                ) : null}
              </div>
            ) : (
              <p>{t("resultsNotYet")}</p>
            )}
          </section>
        ) : null}
      </article>
    </IntlIsland>
  );
}
