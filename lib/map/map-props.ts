import type { Geometry } from "geojson";

import type { BoundaryLayers, MapSettings } from "@/components/map/types";
import type { CommuneSummary } from "@/lib/communes/get-commune";
import { type Bounds, boundsOf } from "@/lib/consultations/geometry";
import { env } from "@/lib/env";

export const mapSettings = (): MapSettings => ({ tileUrl: env.TILE_URL ?? null, tileAttribution: env.TILE_ATTRIBUTION });

export function boundaryLayers(
  commune: Pick<CommuneSummary, "boundary">,
  villages: { id: string; name: string; boundary: unknown }[],
): BoundaryLayers {
  return {
    commune: (commune.boundary as Geometry | null) ?? null,
    villages: villages.map((v) => ({ id: v.id, name: v.name, boundary: (v.boundary as Geometry | null) ?? null })),
  };
}

/** Leaflet bounds [[south, west], [north, east]] of a geometry, or around the commune centre. */
export function leafletBounds(
  geometry: unknown,
  fallback: Pick<CommuneSummary, "centerLat" | "centerLng" | "boundary">,
): [[number, number], [number, number]] {
  const source = geometry ?? fallback.boundary;
  if (source) {
    const [w, s, e, n]: Bounds = boundsOf(source as never);
    const pad = 0.002;
    return [
      [s - pad, w - pad],
      [n + pad, e + pad],
    ];
  }
  const d = 0.05;
  return [
    [fallback.centerLat - d, fallback.centerLng - d],
    [fallback.centerLat + d, fallback.centerLng + d],
  ];
}
