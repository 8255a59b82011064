import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { RatingResults } from "@/components/ratings/rating-results";
import { pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { Link } from "@/lib/i18n/navigation";
import { getRatingResults } from "@/lib/ratings/get-results";
import { RATING_RESULTS_ROLES } from "@/lib/ratings/roles";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "ratings" });
  return { title: t("reviewTitle") };
}

/** Staff, leaders and the Front: the aggregate with the number invited and the written comments. */
export default async function RatingsReviewPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, RATING_RESULTS_ROLES);
  const [t, results] = await Promise.all([getTranslations("ratings"), getRatingResults(commune.id, { withComments: true })]);
  return (
    <div className="space-y-4">
      <h1 className={pageTitle}>{t("reviewTitle")}</h1>
      <p>{t("reviewIntro")}</p>
      <RatingResults results={results} detailed />
      <p>
        <Link href={`/${commune.slug}/ratings`}>{t("publicLink")}</Link>
      </p>
    </div>
  );
}
