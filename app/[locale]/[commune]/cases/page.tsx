import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { CaseFilterForm, readCaseFilters } from "@/components/cases/case-filters";
import { LateBadge } from "@/components/cases/late-badge";
import { LazyMarkersMap } from "@/components/map/lazy";
import { buttonPrimary, card, pageTitle } from "@/components/ui/styles";
import { listCategories } from "@/lib/cases/categories";
import { listPublicCases } from "@/lib/cases/list-cases";
import { getCommuneBySlug, listVillages } from "@/lib/communes/get-commune";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { boundaryLayers, leafletBounds, mapSettings } from "@/lib/map/map-props";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; commune: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "cases" });
  return { title: t("publicTitle") };
}

/** The public map and list of petitions and feedback (never complaints or denunciations). */
export default async function PublicCases({ params, searchParams }: Props) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const filters = readCaseFilters(await searchParams);
  const [cases, categories, villages, t, format] = await Promise.all([
    listPublicCases(commune.id, filters),
    listCategories(commune.id, { activeOnly: true }),
    listVillages(commune.id),
    getTranslations(),
    getFormatter(),
  ]);
  const villageName = new Map(villages.map((v) => [v.id, v.name]));
  const markers = cases.filter((c) => c.lat !== null && c.lng !== null);
  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <h1 className={pageTitle}>{t("cases.publicTitle")}</h1>
        <p className="max-w-3xl">{t("cases.publicIntro")}</p>
        <Link href={`/${commune.slug}/cases/new`} className={buttonPrimary}>{t("cases.fileNew")}</Link>
      </div>
      <CaseFilterForm action={getPathname({ href: `/${commune.slug}/cases`, locale })} filters={filters} categories={categories} villages={villages} locale={locale} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="cases-map" className="lg:order-2">
          <h2 id="cases-map" className="mb-2 text-lg font-semibold">{t("cases.mapTitle")}</h2>
          <LazyMarkersMap
            settings={mapSettings()}
            boundaries={boundaryLayers(commune, villages)}
            bounds={leafletBounds(null, commune)}
            label={t("cases.mapTitle")}
            layerNames={{ commune: t("common.communeName", { name: commune.name }), villages: t("cases.village") }}
            markers={markers.map((c) => ({ id: c.id, title: `#${c.number} ${c.title}`, status: c.late ? "OVERDUE" : c.state, lat: c.lat!, lng: c.lng!, href: getPathname({ href: `/${commune.slug}/cases/${c.number}`, locale }) }))}
          />
        </section>
        <section aria-labelledby="cases-list" className="space-y-3">
          <h2 id="cases-list" className="text-lg font-semibold">{t("cases.listTitle")}</h2>
          {cases.length === 0 ? <p>{t("cases.none")}</p> : null}
          <ul className="space-y-3">
            {cases.map((c) => (
              <li key={c.id} className={card} data-testid="case-item">
                <p className="font-semibold">
                  <Link href={`/${commune.slug}/cases/${c.number}`}>#{c.number} {c.title}</Link>
                </p>
                <p className="flex flex-wrap gap-x-3 text-sm text-stone-700">
                  <span>{t(`enums.CaseState.${c.state}`)}</span>
                  <span>{c.category ? (locale === "en" && c.category.nameEn ? c.category.nameEn : c.category.name) : null}</span>
                  <span>{c.villageId ? villageName.get(c.villageId) : null}</span>
                  <span>{format.dateTime(c.receivedAt, { dateStyle: "medium" })}</span>
                  <LateBadge late={c.late} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
