import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { ConsultationBrowser } from "@/components/consultations/consultation-browser";
import { FilterForm } from "@/components/consultations/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { pageTitle } from "@/components/ui/styles";
import { getCommuneBySlug, listVillages } from "@/lib/communes/get-commune";
import { listConsultationMarkers, listPublicConsultations } from "@/lib/consultations/list-consultations";
import { type ListFilters, listFiltersSchema } from "@/lib/consultations/schemas";
import { getPathname } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string; commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "browse" });
  return { title: t("title") };
}

function query(filters: ListFilters, overrides: Partial<ListFilters>): string {
  const merged = { ...filters, ...overrides };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === "" || (key === "page" && value === 1)) continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** Search, filters, pagination and the list-only mode: one address per view. */
export default async function BrowseConsultations({ params, searchParams }: Props) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const raw = await searchParams;
  const filters = listFiltersSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const t = await getTranslations("browse");
  const showMap = filters.view === "map";
  const [page, markers, villages] = await Promise.all([
    listPublicConsultations(commune.id, filters),
    showMap ? listConsultationMarkers(commune.id, filters) : Promise.resolve([]),
    listVillages(commune.id),
  ]);
  const base = getPathname({ href: `/${commune.slug}/consultations`, locale });
  return (
    <div className="space-y-4">
      <h1 className={pageTitle}>{t("title")}</h1>
      <FilterForm action={base} filters={filters} villages={villages} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p aria-live="polite" className="font-semibold">
          {t("results", { count: page.total })}
        </p>
        <p className="flex gap-3">
          {showMap ? (
            <a href={`${base}${query(filters, { view: "list" })}`}>{t("viewList")}</a>
          ) : (
            <a href={`${base}${query(filters, { view: "map" })}`}>{t("viewMap")}</a>
          )}
        </p>
      </div>
      <ConsultationBrowser commune={commune} villages={villages} page={page} markers={markers} showMap={showMap} locale={locale} />
      <Pagination page={page.page} pageCount={page.pageCount} hrefFor={(p) => `${base}${query(filters, { page: p })}`} />
    </div>
  );
}
