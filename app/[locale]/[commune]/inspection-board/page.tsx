import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";

import { BoardMembers } from "@/components/inspection/board-members";
import { AnswerClockBadge } from "@/components/inspection/item-list";
import { card, pageTitle } from "@/components/ui/styles";
import { Link } from "@/lib/i18n/navigation";
import { vnDate } from "@/lib/calendar/working-days";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { boardWithVillages } from "@/lib/inspection/board";
import { publicRecommendations } from "@/lib/inspection/items";

export const dynamic = "force-dynamic";

const dmy = (d: Date | null) => (d ? vnDate(d).split("-").reverse().join("/") : "");

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "inspection" });
  return { title: t("publicTitle") };
}

/**
 * Public: the board's members (name, position, village: never a phone or an account) and the
 * recommendations it published once the Front countersigned them, with the People's Committee's
 * answers and the 15-day clock (Law 10/2022 Art. 38, 40.1).
 */
export default async function PublicInspectionBoard({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const [board, recs, t] = await Promise.all([boardWithVillages(commune.id), publicRecommendations(commune.id), getTranslations("inspection")]);
  return (
    <div className="space-y-6">
      <h1 className={pageTitle}>{t("publicTitle")}</h1>
      <p className="max-w-3xl">{t("publicIntro")}</p>
      <p>
        <Link href={`/${commune.slug}/inspection`} className="inline-flex min-h-11 items-center">
          {t("openWorkspace")}
        </Link>
      </p>
      <BoardMembers board={board} />
      <section className="space-y-3" aria-labelledby="inspection-published">
        <h2 id="inspection-published" className="text-xl font-semibold">
          {t("published")}
        </h2>
        {recs.length === 0 ? <p>{t("noPublished")}</p> : null}
        <ul className="space-y-3">
          {recs.map((r) => (
            <li key={r.id} className={`${card} space-y-2`} data-testid="public-recommendation">
              <h3 className="font-semibold">
                KN {String(r.number).padStart(2, "0")}: {r.title}
              </h3>
              <p className="text-sm text-stone-700">{t("sentOn", { date: dmy(r.sentAt) })}</p>
              <p className="whitespace-pre-line">{r.body}</p>
              <AnswerClockBadge item={r} />
              {r.answer ? (
                <div className="rounded-lg bg-stone-100 p-3">
                  <p className="font-semibold">
                    {t("answer")} · {t("answeredOn", { date: dmy(r.answeredAt) })}
                  </p>
                  <p className="whitespace-pre-line">{r.answer}</p>
                </div>
              ) : (
                <p>{t("awaitingAnswer")}</p>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
