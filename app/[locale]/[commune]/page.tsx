import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { ConsultationBrowser } from "@/components/consultations/consultation-browser";
import { pageTitle } from "@/components/ui/styles";
import { getCommuneBySlug, listVillages } from "@/lib/communes/get-commune";
import { listConsultationMarkers, listPublicConsultations } from "@/lib/consultations/list-consultations";
import { listFiltersSchema } from "@/lib/consultations/schemas";
import { Link } from "@/lib/i18n/navigation";

// Static for everyone (the session is read in the browser), refreshed every minute and at once when
// this instance changes a consultation.
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Params = { params: Promise<{ locale: string; commune: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, commune: slug } = await params;
  const commune = await getCommuneBySlug(slug);
  const t = await getTranslations({ locale, namespace: "common" });
  return { title: commune ? t("peoplesCommittee", { name: commune.name }) : undefined };
}

export default async function CommuneHome({ params }: Params) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const [t, tRatings] = await Promise.all([getTranslations("home"), getTranslations("ratings")]);
  const filters = listFiltersSchema.parse({});
  const [page, markers, villages] = await Promise.all([
    listPublicConsultations(commune.id, filters),
    listConsultationMarkers(commune.id, filters),
    listVillages(commune.id),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className={pageTitle}>{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-stone-800">{t("intro")}</p>
        <p className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1">
          <strong>{t("openCount", { count: page.total })}</strong>
          <Link href={`/${commune.slug}/consultations`}>{t("seeAll")}</Link>
          <Link href={`/${commune.slug}/ratings`}>{tRatings("resultsTitle")}</Link>
        </p>
      </div>
      <ConsultationBrowser commune={commune} villages={villages} page={page} markers={markers} showMap locale={locale} />
    </div>
  );
}
