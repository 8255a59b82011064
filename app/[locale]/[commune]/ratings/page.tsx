import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { RatingResults } from "@/components/ratings/rating-results";
import { pageTitle } from "@/components/ui/styles";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { Link } from "@/lib/i18n/navigation";
import { getRatingResults } from "@/lib/ratings/get-results";
import { MIN_ANSWERS_SHOWN } from "@/lib/ratings/rules";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "ratings" });
  return { title: t("resultsTitle") };
}

/** Residents' ratings in aggregate, for everyone (Law 10/2022 Art. 35.2.a). No comments here. */
export default async function RatingsPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const [t, results] = await Promise.all([getTranslations("ratings"), getRatingResults(commune.id)]);
  return (
    <div className="space-y-4">
      <h1 className={pageTitle}>{t("resultsTitle")}</h1>
      <p>{t("resultsIntro", { min: MIN_ANSWERS_SHOWN })}</p>
      <RatingResults results={results} detailed={false} />
      <p>
        <Link href={`/${slug}/ratings/review`}>{t("reviewLink")}</Link>
      </p>
    </div>
  );
}
