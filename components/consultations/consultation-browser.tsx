import { getTranslations } from "next-intl/server";

import { LazyMarkersMap } from "@/components/map/lazy";
import type { CommuneSummary } from "@/lib/communes/get-commune";
import type { ConsultationMarker, listPublicConsultations } from "@/lib/consultations/list-consultations";
import { getPathname } from "@/lib/i18n/navigation";
import { boundaryLayers, leafletBounds, mapSettings } from "@/lib/map/map-props";

import { ConsultationCard } from "./consultation-card";

type Page = Awaited<ReturnType<typeof listPublicConsultations>>;

/** The map of consultations with the list beside it (or the list alone). */
export async function ConsultationBrowser({
  commune,
  villages,
  page,
  markers,
  showMap,
  locale,
}: {
  commune: CommuneSummary;
  villages: { id: string; name: string; boundary: unknown }[];
  page: Page;
  markers: ConsultationMarker[];
  showMap: boolean;
  locale: string;
}) {
  const t = await getTranslations();
  const list = (
    <section aria-labelledby="list-title" className="space-y-3">
      <h2 id="list-title" className="text-lg font-semibold">
        {t("home.listTitle")}
      </h2>
      {page.items.length === 0 ? <p className="text-stone-700">{t("home.empty")}</p> : null}
      {page.items.map((item) => (
        <ConsultationCard key={item.id} item={item} communeSlug={commune.slug} />
      ))}
    </section>
  );
  if (!showMap) return list;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="map-title" className="lg:order-2">
        <h2 id="map-title" className="mb-2 text-lg font-semibold">
          {t("home.mapTitle")}
        </h2>
        <LazyMarkersMap
          settings={mapSettings()}
          boundaries={boundaryLayers(commune, villages)}
          bounds={leafletBounds(null, commune)}
          label={t("home.mapTitle")}
          layerNames={{ commune: t("common.communeName", { name: commune.name }), villages: t("browse.village") }}
          markers={markers.map((m) => ({
            ...m,
            href: getPathname({ href: `/${commune.slug}/consultations/${m.id}`, locale }),
          }))}
        />
      </section>
      {list}
    </div>
  );
}
