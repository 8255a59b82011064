"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import { LazyEditorMap } from "@/components/map/lazy";
import type { BoundaryLayers, LabelledCollection, MapSettings } from "@/components/map/types";

import { GeometryImport } from "./geometry-import";

export type EditorMapProps = {
  settings: MapSettings;
  boundaries: BoundaryLayers;
  bounds: [[number, number], [number, number]];
  layerNames: { commune: string; villages: string };
};

/** The consultation's shapes: drawn on the map, or imported from a GeoJSON file and added to it. */
export function MapField({
  communeId,
  map,
  value,
  onChange,
}: {
  communeId: string;
  map: EditorMapProps;
  value: LabelledCollection | null;
  onChange: (value: LabelledCollection | null) => void;
}) {
  const t = useTranslations("staff.form");
  const tp = useTranslations("publishing");
  const locale = useLocale();
  // The editor draws its starting shapes once; an import remounts it with the new set.
  const [revision, setRevision] = useState(0);

  const addImported = (imported: LabelledCollection) => {
    onChange({ type: "FeatureCollection", features: [...(value?.features ?? []), ...imported.features] });
    setRevision((r) => r + 1);
  };

  return (
    <div className="space-y-3">
      <LazyEditorMap
        key={revision}
        settings={map.settings}
        boundaries={map.boundaries}
        bounds={map.bounds}
        layerNames={map.layerNames}
        label={t("map")}
        locale={locale}
        value={value}
        onChange={onChange}
        text={{ label: t("featureLabel"), color: t("featureColor"), remove: tp("removeShape"), selected: tp("selectedShape"), point: tp("pointName") }}
      />
      <p className="text-sm text-stone-700" aria-live="polite" data-testid="shape-count">
        {t("shapes", { count: value?.features.length ?? 0 })}
      </p>
      <GeometryImport communeId={communeId} onImported={addImported} />
    </div>
  );
}
