import { getTranslations } from "next-intl/server";

import { pageTitle } from "@/components/ui/styles";
import { feedPath } from "@/lib/disclosure/feed";
import { listRegister } from "@/lib/disclosure/list-register";
import { Link } from "@/lib/i18n/navigation";

import { RegisterEntryView } from "./register-entry-view";

type Props = { commune: { id: string; slug: string; settings: unknown }; year: number; years: number[] };

/** The register of one year, with the other years and the open data of the commune. */
export async function RegisterYear({ commune, year, years }: Props) {
  const [t, entries] = await Promise.all([getTranslations("disclosure"), listRegister(commune, year)]);
  const shownYears = years.includes(year) ? years : [...years, year].sort((a, b) => b - a);
  const slug = encodeURIComponent(commune.slug);
  return (
    <div className="space-y-6">
      <div>
        <h1 className={pageTitle}>{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-stone-800">{t("intro")}</p>
      </div>
      {shownYears.length > 1 ? (
        <nav aria-label={t("years")}>
          <ul className="flex flex-wrap gap-2">
            {shownYears.map((y) => (
              <li key={y}>
                <Link
                  href={`/${commune.slug}/disclosure/years/${y}`}
                  aria-current={y === year ? "page" : undefined}
                  className="inline-flex min-h-11 min-w-16 items-center justify-center rounded-lg border border-stone-400 bg-white px-3 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold"
                >
                  {y}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <section aria-labelledby="register-year" className="space-y-4">
        <h2 id="register-year" className="text-xl font-bold">
          {t("year", { year })}
        </h2>
        {entries.length === 0 ? <p>{t("none", { year })}</p> : null}
        {entries.map((entry) => (
          <RegisterEntryView key={`${entry.kind}-${entry.id}`} entry={entry} communeSlug={commune.slug} linkTitle headingLevel={3} />
        ))}
      </section>
      <section aria-labelledby="open-data" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="open-data" className="text-xl font-bold">
          {t("openData")}
        </h2>
        <p className="mt-1">{t("openDataIntro")}</p>
        <ul className="mt-2 space-y-1">
          <li>
            <a className="inline-flex min-h-11 items-center underline" href={`/api/open-data/consultations.geojson?commune=${slug}`}>
              {t("openDataGeojson")}
            </a>
          </li>
          <li>
            <a className="inline-flex min-h-11 items-center underline" href={`/api/open-data/consultations.csv?commune=${slug}`}>
              {t("openDataCsv")}
            </a>
          </li>
          <li>
            <a className="inline-flex min-h-11 items-center underline" href={feedPath(commune.slug)} type="application/atom+xml">
              {t("openDataFeed")}
            </a>
          </li>
        </ul>
      </section>
    </div>
  );
}
