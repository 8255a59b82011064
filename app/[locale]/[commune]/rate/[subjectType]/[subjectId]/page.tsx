import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { RatingForm, type RatingFormTexts } from "@/components/ratings/rating-form";
import { card, pageTitle } from "@/components/ui/styles";
import { getSessionUser } from "@/lib/auth/session";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { Link } from "@/lib/i18n/navigation";
import { submitRatingAction } from "@/lib/ratings/actions";
import { getRatingSubjectTitle } from "@/lib/ratings/subject-title";
import { RATING_ITEMS, SCALE } from "@/lib/ratings/rules";
import { ratingSubjectTypeSchema } from "@/lib/ratings/schemas";
import { getMyRatingState } from "@/lib/ratings/submit-rating";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "ratings" });
  return { title: t("rateTitle") };
}

/** An invited participant rates a consultation or a case, once, anonymously (Law 10/2022 Art. 35.2.a). */
export default async function RatePage({ params }: { params: Promise<{ locale: string; commune: string; subjectType: string; subjectId: string }> }) {
  const { locale, commune: slug, subjectType: rawType, subjectId } = await params;
  setRequestLocale(locale);
  const parsedType = ratingSubjectTypeSchema.safeParse(rawType.toUpperCase());
  const commune = await getCommuneBySlug(slug);
  if (!commune || !parsedType.success) notFound();
  const subjectType = parsedType.data;
  const t = await getTranslations("ratings");
  const user = await getSessionUser();
  if (!user) {
    return (
      <p className={card}>
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/${slug}/rate/${rawType}/${subjectId}`)}`}>{t("signInFirst")}</Link>
      </p>
    );
  }
  const [state, title] = await Promise.all([getMyRatingState(user.id, commune.id, subjectType, subjectId), getRatingSubjectTitle(commune.id, subjectType, subjectId)]);
  const tErrors = await getTranslations("errors");
  const texts: RatingFormTexts = {
    items: RATING_ITEMS.map((item) => ({ name: item, label: t(`items.${item}`), empty: item === "opinionAnswered" ? t("noOpinion") : t("choose") })),
    scale: SCALE.map((n) => ({ value: String(n), label: t(`scale.${n}`) })),
    comment: t("comment"),
    submit: t("submit"),
    thanks: t("thanks"),
    errors: {
      ...Object.fromEntries(["ratingScoreRequired", "ratingAlreadyGiven", "ratingNotInvited", "tooLong", "invalidInput", "forbidden", "unauthenticated", "accountBlocked"].map((k) => [k, tErrors(k)])),
      unexpected: tErrors("unexpected", { id: "rating" }),
    },
  };
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className={pageTitle}>{t("rateTitle")}</h1>
      {state === "notInvited" ? <p className={card} data-testid="rating-state">{t("notInvited")}</p> : null}
      {state === "rated" ? <p className={card} data-testid="rating-state">{t("alreadyRated")}</p> : null}
      {state === "invited" ? (
        <>
          <p>{t("rateIntro", { subject: title ?? t("caseSubject") })}</p>
          <RatingForm action={submitRatingAction} fixed={{ communeId: commune.id, subjectType, subjectId }} texts={texts} />
        </>
      ) : null}
      <p>
        <Link href={`/${slug}/ratings`}>{t("resultsTitle")}</Link>
      </p>
    </div>
  );
}
