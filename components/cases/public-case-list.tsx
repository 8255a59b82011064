import { getFormatter, getTranslations } from "next-intl/server";

import { CaseFilterForm } from "@/components/cases/case-filters";
import { LateBadge } from "@/components/cases/late-badge";
import { LazyCaseMap } from "@/components/cases/lazy-case-map";
import { Pagination } from "@/components/ui/pagination";
import { buttonPrimary, card, pageTitle } from "@/components/ui/styles";
import { listCategories } from "@/lib/cases/categories";
import { type ListView, LIST_STATES, listQuery } from "@/lib/cases/list-key";
import { publicCasePage } from "@/lib/cases/list-cases";
import type { CommuneSummary } from "@/lib/communes/get-commune";
import { listVillages } from "@/lib/communes/get-commune";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { boundaryLayers, leafletBounds, mapSettings } from "@/lib/map/map-props";

/**
 * The public list of petitions and feedback (never complaints or denunciations): one page of the list,
 * server-rendered, its filters and page in the address; then the map, whose pins come from their own
 * cached endpoint and load after the list.
 */
export async function PublicCaseList({ commune, locale, view }: { commune: CommuneSummary; locale: string; view: ListView }) {
  const [{ cases, total, pages }, categories, villages, t, format] = await Promise.all([
    publicCasePage(commune.id, view.filters, view.page),
    listCategories(commune.id, { activeOnly: true }),
    listVillages(commune.id),
    getTranslations(),
    getFormatter(),
  ]);
  const villageName = new Map(villages.map((v) => [v.id, v.name]));
  const base = getPathname({ href: `/${commune.slug}/cases`, locale });
  const pinQuery = listQuery({ filters: view.filters, page: 1 });
  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <h1 className={pageTitle}>{t("cases.publicTitle")}</h1>
        <p className="max-w-3xl">{t("cases.publicIntro")}</p>
        <Link href={`/${commune.slug}/cases/new`} className={buttonPrimary}>{t("cases.fileNew")}</Link>
      </div>
      <CaseFilterForm action={base} filters={view.filters} categories={categories} villages={villages} locale={locale} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="cases-list" className="space-y-3">
          <h2 id="cases-list" className="text-lg font-semibold">{t("cases.listTitle")}</h2>
          <p className="text-sm text-stone-700" data-testid="case-total">{t("cases.listTotal", { count: total })}</p>
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
          <Pagination page={Math.min(view.page, pages)} pageCount={pages} hrefFor={(p) => `${base}${listQuery({ filters: view.filters, page: p })}`} />
        </section>
        <section aria-labelledby="cases-map">
          <h2 id="cases-map" className="mb-2 text-lg font-semibold">{t("cases.mapTitle")}</h2>
          <LazyCaseMap
            source={`/api/communes/${commune.slug}/cases/pins${pinQuery}`}
            caseHref={getPathname({ href: `/${commune.slug}/cases/{number}`, locale }).replace("%7Bnumber%7D", "{number}")}
            stateNames={Object.fromEntries(LIST_STATES.map((s) => [s, t(`enums.CaseState.${s}`)]))}
            words={{ overdue: t("cases.mapOverdue"), count: t("cases.mapCount", { count: "{count}" }), failed: t("cases.mapFailed") }}
            settings={mapSettings()}
            boundaries={boundaryLayers(commune, villages)}
            bounds={leafletBounds(null, commune)}
            label={t("cases.mapTitle")}
            layerNames={{ commune: t("common.communeName", { name: commune.name }), villages: t("cases.village") }}
          />
        </section>
      </div>
    </div>
  );
}
