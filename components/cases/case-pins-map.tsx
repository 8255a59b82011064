"use client";

// The public map of cases: the pins come from their own cached endpoint (compact: number, position,
// state, kind, category, overdue; /api/communes/[slug]/cases/pins), not from the page, and are
// clustered. Thousands of cases stay light: one shared icon per colour, markers added in chunks,
// each popup built only when opened.
import "react-leaflet-cluster/dist/assets/MarkerCluster.css";
import "react-leaflet-cluster/dist/assets/MarkerCluster.Default.css";

import L from "leaflet";
import { type ComponentRef, useEffect, useRef, useState } from "react";
import MarkerClusterGroup from "react-leaflet-cluster";

import BaseMap, { type BaseMapProps } from "@/components/map/base-map";
import { STATUS_COLORS, pinIcon } from "@/components/map/icons";

type Pins = { states: string[]; pins: [number, number, number, number, number, number, 0 | 1][] };

export type CasePinsMapProps = Omit<BaseMapProps, "children"> & {
  /** The pins endpoint, with the list's filters in its query. */
  source: string;
  /** The case page's address with `{number}` in place of the number. */
  caseHref: string;
  /** Translated state names, and the words of the popup. */
  stateNames: Record<string, string>;
  words: { overdue: string; count: string; failed: string };
};

const escapeHtml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&#39;", '"': "&quot;" })[c]!);

export default function CasePinsMap({ source, caseHref, stateNames, words, ...base }: CasePinsMapProps) {
  const group = useRef<ComponentRef<typeof MarkerClusterGroup>>(null);
  const [status, setStatus] = useState<string>("");

  useEffect(() => {
    const controller = new AbortController();
    const icons = new Map<string, L.DivIcon>();
    const iconFor = (color: string) => icons.get(color) ?? icons.set(color, pinIcon(color)).get(color)!;
    fetch(source, { signal: controller.signal })
      .then((res) => (res.ok ? (res.json() as Promise<Pins>) : Promise.reject(new Error(String(res.status)))))
      .then(({ states, pins }) => {
        const layer = group.current;
        if (!layer) return;
        const markers = pins.map(([number, lat, lng, stateIndex, , , overdue]) => {
          const state = states[stateIndex] ?? "";
          const name = stateNames[state] ?? state;
          const title = `#${number} · ${name}${overdue ? ` · ${words.overdue}` : ""}`;
          const marker = L.marker([lat, lng], { icon: iconFor(STATUS_COLORS[overdue ? "OVERDUE" : state] ?? "#0f766e"), title, alt: title });
          marker.bindPopup(() => `<a href="${escapeHtml(caseHref.replace("{number}", String(number)))}" class="font-semibold">${escapeHtml(title)}</a>`);
          return marker;
        });
        layer.clearLayers();
        layer.addLayers(markers);
        setStatus(words.count.replace("{count}", String(markers.length)));
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setStatus(words.failed);
        if (!controller.signal.aborted) console.error("case pins:", error);
      });
    return () => controller.abort();
  }, [source, caseHref, stateNames, words]);

  return (
    <>
      <BaseMap {...base}>
        <MarkerClusterGroup ref={group} chunkedLoading>
          {null}
        </MarkerClusterGroup>
      </BaseMap>
      <p className="mt-1 text-sm text-stone-700" role="status" data-testid="case-map-status">{status}</p>
    </>
  );
}
