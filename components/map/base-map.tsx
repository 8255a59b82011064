"use client";

// The common map: optional tiles (only from a configured server; without one, or offline, the map
// still shows boundaries and geometry on a plain background), the commune and village boundaries as
// base layers, and whatever the caller adds.
import "leaflet/dist/leaflet.css";

import type { FeatureCollection } from "geojson";
import type { LatLngBoundsExpression } from "leaflet";
import type { ReactNode } from "react";
import { GeoJSON, LayersControl, MapContainer, TileLayer } from "react-leaflet";

import { textElement } from "./text-tooltip";
import type { BoundaryLayers, MapSettings } from "./types";

export type BaseMapProps = {
  settings: MapSettings;
  boundaries: BoundaryLayers;
  bounds: LatLngBoundsExpression;
  label: string;
  layerNames: { commune: string; villages: string };
  className?: string;
  /** Extra Leaflet map options (the editor opts its map in to leaflet-geoman with pmIgnore: false). */
  mapOptions?: Record<string, unknown>;
  children?: ReactNode;
};

export default function BaseMap({ settings, boundaries, bounds, label, layerNames, className, mapOptions, children }: BaseMapProps) {
  const villages = boundaries.villages.filter((v) => v.boundary);
  return (
    <div role="region" aria-label={label} className={className ?? "h-80 w-full overflow-hidden rounded-xl border border-stone-300 sm:h-[28rem]"}>
      <MapContainer {...mapOptions} bounds={bounds} minZoom={9} maxZoom={19} scrollWheelZoom={false} className="h-full w-full" attributionControl={Boolean(settings.tileUrl)}>
        {settings.tileUrl ? <TileLayer url={settings.tileUrl} attribution={settings.tileAttribution} /> : null}
        <LayersControl position="topright">
          {boundaries.commune ? (
            <LayersControl.Overlay checked name={layerNames.commune}>
              <GeoJSON
                data={boundaries.commune}
                style={{ color: "#134e4a", weight: 2, fill: false, dashArray: "6 4" }}
                interactive={false}
              />
            </LayersControl.Overlay>
          ) : null}
          {villages.length > 0 ? (
            <LayersControl.Overlay checked name={layerNames.villages}>
              <GeoJSON
                data={
                  {
                    type: "FeatureCollection",
                    features: villages.map((v) => ({ type: "Feature", geometry: v.boundary!, properties: { name: v.name } })),
                  } as FeatureCollection
                }
                style={{ color: "#57534e", weight: 1, fillOpacity: 0.04 }}
                onEachFeature={(feature, layer) => layer.bindTooltip(textElement(String(feature.properties?.name ?? "")), { sticky: true })}
              />
            </LayersControl.Overlay>
          ) : null}
        </LayersControl>
        {children}
      </MapContainer>
    </div>
  );
}
