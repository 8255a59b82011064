"use client";

// The staff map editor: draw, edit and delete points, lines and polygons with leaflet-geoman, then
// label and colour the selected shape. Emits a GeoJSON FeatureCollection on every change. The shapes
// it starts with (an edited consultation's, or an imported file's) are editable like drawn ones; to
// load different shapes the parent remounts it (a new `key`).
import "./leaflet-global";
import "@geoman-io/leaflet-geoman-free";
import "@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css";

import L from "leaflet";
import { useCallback, useEffect, useRef, useState } from "react";
import { useMap } from "react-leaflet";

import BaseMap, { type BaseMapProps } from "./base-map";
import { geomanVietnamese } from "./geoman-vi";
import { pinIcon } from "./icons";
import { DEFAULT_SHAPE_COLOR, type LabelledCollection } from "./types";

type Props = { label?: string; color?: string };
type ShapeLayer = L.Layer & { feature?: GeoJSON.Feature<GeoJSON.Geometry, Props>; toGeoJSON(): GeoJSON.Feature };

export const SHAPE_COLORS = ["#b45309", "#b91c1c", "#1d4ed8", "#15803d", "#7c3aed", "#0f766e"];

/** A point is a button on the map: it needs a name, its label or a word for "point". */
function nameMarker(layer: ShapeLayer, fallback: string) {
  if (!(layer instanceof L.Marker)) return;
  const name = layer.feature?.properties?.label?.trim() || fallback;
  layer.getElement()?.setAttribute("aria-label", name);
  layer.getElement()?.setAttribute("title", name);
}

function styleLayer(layer: ShapeLayer, color: string, fallbackName: string) {
  if (layer instanceof L.Marker) {
    layer.setIcon(pinIcon(color));
    nameMarker(layer, fallbackName);
  } else if (layer instanceof L.Path) layer.setStyle({ color, weight: 4, fillOpacity: 0.2 });
}

function collect(map: L.Map): LabelledCollection | null {
  const features = (map.pm.getGeomanLayers() as ShapeLayer[])
    .filter((l) => typeof l.toGeoJSON === "function" && !(l instanceof L.LayerGroup))
    .map((l) => {
      const f = l.toGeoJSON() as GeoJSON.Feature<GeoJSON.Geometry, Props>;
      return { type: "Feature" as const, geometry: f.geometry, properties: { ...(l.feature?.properties ?? {}) } };
    });
  return features.length ? { type: "FeatureCollection", features } : null;
}

/** The starting shapes as editable layers. Multi-geometries arrive as one layer each, edited whole. */
function addInitialShapes(map: L.Map, value: LabelledCollection) {
  L.geoJSON(value, {
    // Opt in to editing: with L.PM.setOptIn only layers that say pmIgnore: false are editable.
    pmIgnore: false,
    pointToLayer: (f, latlng) =>
      L.marker(latlng, {
        icon: pinIcon(f.properties?.color ?? DEFAULT_SHAPE_COLOR),
        title: f.properties?.label ?? "",
        pmIgnore: false,
      } as L.MarkerOptions),
    style: (f) => ({ color: f?.properties?.color ?? DEFAULT_SHAPE_COLOR, weight: 4, fillOpacity: 0.2 }),
    onEachFeature: (feature, layer) => {
      (layer as ShapeLayer).feature = { type: "Feature", geometry: feature.geometry, properties: { ...(feature.properties ?? {}) } };
      layer.addTo(map);
    },
  });
}

function Editor({
  initial,
  onChange,
  onSelect,
  onReady,
  locale,
  pointName,
}: {
  initial: LabelledCollection | null;
  onChange: (v: LabelledCollection | null) => void;
  onSelect: (layer: ShapeLayer | null) => void;
  onReady: (map: L.Map) => void;
  locale: string;
  pointName: string;
}) {
  const map = useMap();
  // Leaflet lives outside React: the effect runs once per map, and reads the latest callbacks.
  const latest = useRef({ initial, onChange, onSelect, onReady, pointName });
  useEffect(() => {
    latest.current = { initial, onChange, onSelect, onReady, pointName };
  });
  useEffect(() => {
    const { initial: start, onReady: ready } = latest.current;
    L.PM.setOptIn(true);
    if (locale === "vi") map.pm.setLang("vi" as "en", geomanVietnamese, "en");
    map.pm.addControls({
      position: "topleft",
      drawCircle: false,
      drawCircleMarker: false,
      drawText: false,
      cutPolygon: false,
      rotateMode: false,
    });
    // geoman's toolbar buttons are links whose only name is their container's title: name them.
    map
      .getContainer()
      .querySelectorAll<HTMLElement>(".leaflet-pm-toolbar .button-container[title]")
      .forEach((c) => c.querySelector("a")?.setAttribute("aria-label", c.getAttribute("title") ?? ""));
    // Drawn shapes opt in to editing (pmIgnore: false); they inherit these options.
    map.pm.setGlobalOptions({
      pathOptions: { color: DEFAULT_SHAPE_COLOR, weight: 4, pmIgnore: false } as L.PathOptions,
      markerStyle: { icon: pinIcon(DEFAULT_SHAPE_COLOR), pmIgnore: false } as L.MarkerOptions,
    });
    if (start) addInitialShapes(map, start);

    const emit = () => latest.current.onChange(collect(map));
    const watch = (layer: ShapeLayer) => {
      layer.feature ??= { type: "Feature", geometry: layer.toGeoJSON().geometry, properties: {} };
      nameMarker(layer, latest.current.pointName);
      layer.on("click", () => latest.current.onSelect(layer));
      layer.on("pm:edit", emit);
      layer.on("pm:dragend", emit);
    };
    (map.pm.getGeomanLayers() as ShapeLayer[]).forEach(watch);
    map.on("pm:create", (e) => {
      const layer = e.layer as ShapeLayer;
      watch(layer);
      latest.current.onSelect(layer);
      emit();
    });
    map.on("pm:remove", () => {
      latest.current.onSelect(null);
      emit();
    });
    ready(map);
    return () => {
      map.pm.removeControls();
      map.off("pm:create");
      map.off("pm:remove");
    };
  }, [map, locale]);
  return null;
}

export default function EditorMap({
  value,
  onChange,
  locale,
  text,
  ...base
}: Omit<BaseMapProps, "children"> & {
  value: LabelledCollection | null;
  onChange: (v: LabelledCollection | null) => void;
  locale: string;
  text: { label: string; color: string; remove: string; selected: string; point: string };
}) {
  // The Leaflet layer lives outside React; React only holds a copy of its label and colour.
  const selectedRef = useRef<ShapeLayer | null>(null);
  const mapRef = useRef<L.Map | null>(null);
  const [props, setProps] = useState<Props | null>(null);
  const select = useCallback((layer: ShapeLayer | null) => {
    selectedRef.current = layer;
    setProps(layer ? { ...(layer.feature?.properties ?? {}) } : null);
  }, []);
  const ready = useCallback((map: L.Map) => {
    mapRef.current = map;
  }, []);
  // Only the first value is drawn; later values come from the map itself.
  const [initial] = useState(value);

  const update = (patch: Props) => {
    const layer = selectedRef.current;
    if (!layer?.feature) return;
    layer.feature.properties = { ...layer.feature.properties, ...patch };
    styleLayer(layer, layer.feature.properties.color ?? DEFAULT_SHAPE_COLOR, text.point);
    setProps({ ...layer.feature.properties });
    if (mapRef.current) onChange(collect(mapRef.current));
  };

  // A button as well as geoman's eraser: deleting the selected shape needs no precise tap.
  const removeSelected = () => {
    const layer = selectedRef.current;
    const map = mapRef.current;
    if (!layer || !map) return;
    layer.remove();
    select(null);
    onChange(collect(map));
  };

  return (
    <div className="space-y-2">
      {/* Once geoman is in opt-in mode, a map gets its editor only when it asks: this one does, so a
          second editor on the same page visit (an import, the edit page after the new page) works. */}
      <BaseMap {...base} mapOptions={{ pmIgnore: false }}>
        <Editor initial={initial} onChange={onChange} onSelect={select} onReady={ready} locale={locale} pointName={text.point} />
      </BaseMap>
      {props ? (
        <div className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-300 bg-white p-3" role="group" aria-label={text.selected}>
          <label className="min-w-48 flex-1">
            <span className="mb-1 block text-sm font-medium">{text.label}</span>
            <input
              className="block min-h-11 w-full rounded-lg border border-stone-400 px-3"
              value={props.label ?? ""}
              maxLength={200}
              onChange={(e) => update({ label: e.target.value })}
            />
          </label>
          <fieldset className="flex flex-wrap items-center gap-2">
            <legend className="mb-1 text-sm font-medium">{text.color}</legend>
            {SHAPE_COLORS.map((c) => (
              <button
                key={c}
                type="button"
                aria-label={c}
                aria-pressed={(props.color ?? DEFAULT_SHAPE_COLOR) === c}
                onClick={() => update({ color: c })}
                className="h-11 w-11 rounded-full border-2 border-white ring-2 ring-stone-300 aria-pressed:ring-stone-900"
                style={{ backgroundColor: c }}
              />
            ))}
          </fieldset>
          <button
            type="button"
            onClick={removeSelected}
            className="inline-flex min-h-11 items-center rounded-lg border border-flag-700 bg-white px-4 font-medium text-flag-700 hover:bg-red-50"
          >
            {text.remove}
          </button>
        </div>
      ) : null}
    </div>
  );
}
