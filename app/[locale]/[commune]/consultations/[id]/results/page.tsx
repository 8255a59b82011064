import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { QuestionResults } from "@/components/ballot/question-results";
import { MeetingCountDecisions } from "@/components/contested-votes/meeting-count-decisions";
import { pageTitle } from "@/components/ui/styles";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { getPublicConsultation } from "@/lib/consultations/get-consultation";
import { Link } from "@/lib/i18n/navigation";
import { getBallotResults } from "@/lib/participation/get-results";

// Static and cached like every public page; a meeting record or a source choice refreshes it at
// once, and the minute-long refresh shows the results soon after the ballot closes.
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Params = { params: Promise<{ locale: string; commune: string; id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { commune: slug, id } = await params;
  const commune = await getCommuneBySlug(slug);
  const c = commune ? await getPublicConsultation(commune.id, id) : null;
  const t = await getTranslations("ballot.results");
  return c ? { title: `${t("title")}: ${c.title}` } : {};
}

export default async function ResultsPage({ params }: Params) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const consultation = await getPublicConsultation(commune.id, id);
  if (!consultation) notFound();
  const results = await getBallotResults(commune.id, consultation.id);
  const t = await getTranslations("ballot.results");
  const format = await getFormatter();

  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <Link href={`/${commune.slug}/consultations/${consultation.id}`} className="inline-flex min-h-11 items-center">
          {t("back")}
        </Link>
        <h1 className={pageTitle}>{t("title")}</h1>
        <p className="text-lg">{consultation.title}</p>
      </header>
      {!results.visible ? (
        <p className="rounded-xl border border-stone-300 bg-white p-4" role="status">
          {results.questionCount === 0
            ? t("noQuestions")
            : t("hidden", { date: results.closesAt ? format.dateTime(results.closesAt, { dateStyle: "long" }) : "—" })}
        </p>
      ) : (
        <>
          <p className="rounded-xl border border-stone-300 bg-white p-4" role="status">
            {results.questions.length === 0 ? t("noQuestions") : results.final ? t("final") : t("provisional")}
          </p>
          {results.questions.map((r) => (
            <QuestionResults key={r.question.id} result={r} category={consultation.legalCategory} final={results.final} />
          ))}
          <MeetingCountDecisions communeId={commune.id} consultationId={consultation.id} />
        </>
      )}
    </article>
  );
}
