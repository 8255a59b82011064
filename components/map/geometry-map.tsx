"use client";

// A consultation's geometry with its labels and colours, opinions pinned on it, and (when `onPick` is
// given) a draggable pin the resident places by tapping the map.
import L, { type LeafletMouseEvent } from "leaflet";
import { Fragment } from "react";
import { GeoJSON, Marker, Popup, useMapEvents } from "react-leaflet";

import BaseMap, { type BaseMapProps } from "./base-map";
import { STANCE_COLORS, pinIcon } from "./icons";
import { textElement } from "./text-tooltip";
import { DEFAULT_SHAPE_COLOR, type LabelledCollection } from "./types";

export type OpinionPin = { id: string; number: number; lat: number; lng: number; stance: string | null; excerpt: string };

/**
 * A tap or click places the pin there. From the keyboard (WCAG 2.1.1): the focused map pans with the
 * arrow keys and zooms with + and −, and Enter or Space places the pin at the centre of the map, which
 * a cross-hair marks while the map has the focus.
 */
function PickOnClick({ onPick }: { onPick: (lat: number, lng: number) => void }) {
  const map = useMapEvents({
    click: (e: LeafletMouseEvent) => onPick(e.latlng.lat, e.latlng.lng),
    keydown: (e: L.LeafletKeyboardEvent) => {
      const key = e.originalEvent.key;
      if (key !== "Enter" && key !== " ") return;
      // Only when the map itself has the focus, not one of its controls or markers.
      if (e.originalEvent.target !== map.getContainer()) return;
      e.originalEvent.preventDefault();
      const centre = map.getCenter();
      onPick(centre.lat, centre.lng);
    },
  });
  return <div aria-hidden="true" className="map-crosshair" />;
}

export default function GeometryMap({
  geometry,
  pins = [],
  picked,
  onPick,
  pickLabel,
  ...base
}: Omit<BaseMapProps, "children"> & {
  geometry: LabelledCollection | null;
  pins?: OpinionPin[];
  picked?: { lat: number; lng: number } | null;
  onPick?: (lat: number, lng: number) => void;
  pickLabel?: string;
}) {
  return (
    <BaseMap {...base}>
      {geometry ? (
        <GeoJSON
          key={JSON.stringify(geometry).length}
          data={geometry}
          style={(f) => ({ color: f?.properties?.color ?? DEFAULT_SHAPE_COLOR, weight: 4, fillOpacity: 0.2 })}
          pointToLayer={(f, latlng) =>
            L.marker(latlng, { icon: pinIcon(f.properties?.color ?? DEFAULT_SHAPE_COLOR), title: f.properties?.label ?? base.label, alt: f.properties?.label ?? base.label })
          }
          onEachFeature={(f, layer) => {
            if (f.properties?.label) layer.bindTooltip(textElement(String(f.properties.label)), { permanent: false, sticky: true });
          }}
        />
      ) : null}
      {pins.map((p) => (
        <Fragment key={p.id}>
          <Marker position={[p.lat, p.lng]} icon={pinIcon(STANCE_COLORS[p.stance ?? "OTHER"] ?? "#1d4ed8")} alt={`#${p.number}`} title={`#${p.number}`}>
            <Popup>
              <a href={`#opinion-${p.number}`} className="font-semibold">
                #{p.number}
              </a>{" "}
              {p.excerpt}
            </Popup>
          </Marker>
        </Fragment>
      ))}
      {onPick ? <PickOnClick onPick={onPick} /> : null}
      {picked && onPick ? (
        <Marker
          position={[picked.lat, picked.lng]}
          draggable
          icon={pinIcon("#7c3aed")}
          alt={pickLabel}
          title={pickLabel}
          eventHandlers={{
            dragend: (e) => {
              const { lat, lng } = (e.target as L.Marker).getLatLng();
              onPick(lat, lng);
            },
          }}
        />
      ) : null}
    </BaseMap>
  );
}
