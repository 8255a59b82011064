import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { LazyMarkersMap } from "@/components/map/lazy";
import { card, pageTitle } from "@/components/ui/styles";
import { WorkFilterForm } from "@/components/works/work-filters";
import { getCommuneBySlug, listVillages } from "@/lib/communes/get-commune";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { boundaryLayers, leafletBounds, mapSettings } from "@/lib/map/map-props";
import { listPublicWorks, readWorkFilters, workYears } from "@/lib/works/read";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; commune: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "works" });
  return { title: t("publicTitle") };
}

/** Map pin colours by status: done in green, in progress in the brand colour, the rest grey. */
const PIN_STATUS: Record<string, string> = { DONE: "RESOLVED", IN_PROGRESS: "PUBLISHED", PLANNED: "OUTCOME_PUBLISHED", PAUSED: "CLOSED", CANCELLED: "CLOSED" };

/** The public map and list of works and results, filtered by village, status and year; one page at a time. */
export default async function PublicWorks({ params, searchParams }: Props) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const filters = readWorkFilters(await searchParams);
  const [{ works, total, pages }, villages, years, t, format] = await Promise.all([
    listPublicWorks(commune.id, filters),
    listVillages(commune.id),
    workYears(commune.id),
    getTranslations(),
    getFormatter(),
  ]);
  const villageName = new Map(villages.map((v) => [v.id, v.name]));
  const base = getPathname({ href: `/${commune.slug}/works`, locale });
  const pageHref = (page: number) => {
    const q = new URLSearchParams();
    if (filters.village) q.set("village", filters.village);
    if (filters.status) q.set("status", filters.status);
    if (filters.year) q.set("year", String(filters.year));
    q.set("page", String(page));
    return `/${commune.slug}/works?${q.toString()}`;
  };
  const markers = works.filter((w) => w.pin !== null);
  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <h1 className={pageTitle}>{t("works.publicTitle")}</h1>
        <p className="max-w-3xl">{t("works.publicIntro")}</p>
      </div>
      <WorkFilterForm action={base} filters={filters} villages={villages} years={years} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="works-map" className="lg:order-2">
          <h2 id="works-map" className="mb-2 text-lg font-semibold">{t("works.mapTitle")}</h2>
          <LazyMarkersMap
            settings={mapSettings()}
            boundaries={boundaryLayers(commune, villages)}
            bounds={leafletBounds(null, commune)}
            label={t("works.mapTitle")}
            layerNames={{ commune: t("common.communeName", { name: commune.name }), villages: t("works.village") }}
            markers={markers.map((w) => ({ id: w.id, title: `${w.title} (${w.progress}%)`, status: PIN_STATUS[w.status] ?? w.status, lat: w.pin!.lat, lng: w.pin!.lng, href: getPathname({ href: `/${commune.slug}/works/${w.id}`, locale }) }))}
          />
          {pages > 1 ? <p className="mt-1 text-sm text-stone-700">{t("works.mapTooMany")}</p> : null}
        </section>
        <section aria-labelledby="works-list" className="space-y-3">
          <h2 id="works-list" className="text-lg font-semibold">{t("works.listTitle")} <span className="font-normal">({t("works.count", { count: total })})</span></h2>
          {works.length === 0 ? <p>{t("works.none")}</p> : null}
          <ul className="space-y-3">
            {works.map((w) => (
              <li key={w.id} className={card} data-testid="work-item">
                <p className="font-semibold"><Link href={`/${commune.slug}/works/${w.id}`}>{w.title}</Link></p>
                <p className="flex flex-wrap gap-x-3 text-sm text-stone-700">
                  <span>{t(`enums.WorkStatus.${w.status}`)}</span>
                  <span>{t("works.progress")}: {t("works.progressValue", { progress: w.progress })}</span>
                  <span>{w.villageIds.map((id) => villageName.get(id)).filter(Boolean).join(", ")}</span>
                  {w.startOn ? <span>{format.dateTime(w.startOn, { dateStyle: "medium", timeZone: "UTC" })}</span> : null}
                </p>
              </li>
            ))}
          </ul>
          {pages > 1 ? (
            <nav aria-label={t("works.pageOf", { page: filters.page, pages })} className="flex gap-4">
              {filters.page > 1 ? <Link href={pageHref(filters.page - 1)} className="inline-flex min-h-11 items-center">{t("works.pagePrev")}</Link> : null}
              <span className="inline-flex min-h-11 items-center">{t("works.pageOf", { page: filters.page, pages })}</span>
              {filters.page < pages ? <Link href={pageHref(filters.page + 1)} className="inline-flex min-h-11 items-center">{t("works.pageNext")}</Link> : null}
            </nav>
          ) : null}
        </section>
      </div>
    </div>
  );
}
