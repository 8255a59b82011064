// A work's place on the map. The staff draw it with the consultation's map editor (a FeatureCollection
// of labelled shapes, checked by lib/consultations/geometry.ts: inside the commune's reach, valid
// shapes, size limits); Work.geometry keeps a GeoJSON Geometry: one shape as it is, several as a
// GeometryCollection. The public map shows one pin per work, at the centre of its shape's bounds.
import type { Geometry } from "geojson";

import type { LabelledCollection } from "@/components/map/types";
import { boundsOf, type ConsultationGeometry } from "@/lib/consultations/geometry";

/** The stored Geometry of the editor's shapes (labels and colours are not kept). */
export function toWorkGeometry(collection: ConsultationGeometry): Geometry {
  const geometries = collection.features.map((f) => f.geometry);
  return geometries.length === 1 ? geometries[0]! : { type: "GeometryCollection", geometries };
}

/** The editor's shapes for a stored Geometry (null when none). */
export function toCollection(geometry: unknown): LabelledCollection | null {
  if (!geometry || typeof geometry !== "object" || !("type" in geometry)) return null;
  const g = geometry as Geometry;
  const parts = g.type === "GeometryCollection" ? g.geometries : [g];
  return { type: "FeatureCollection", features: parts.map((p) => ({ type: "Feature", geometry: p, properties: {} })) };
}

/** The pin of a work on the public map: the centre of its shape's bounds. */
export function pinOf(geometry: unknown): { lat: number; lng: number } | null {
  const collection = toCollection(geometry);
  if (!collection || collection.features.length === 0) return null;
  const [minLng, minLat, maxLng, maxLat] = boundsOf(collection);
  if (![minLng, minLat, maxLng, maxLat].every(Number.isFinite)) return null;
  return { lat: (minLat + maxLat) / 2, lng: (minLng + maxLng) / 2 };
}
