// Geometry of a consultation: a GeoJSON FeatureCollection of points, lines and polygons in WGS84, each
// feature with an optional label and colour. Drawn in the map editor or imported from a file, it is
// checked the same way: structure, coordinate ranges, valid geometry, size, and that it lies within
// reach of the commune. Each problem names what is wrong and where (feature number).
import bbox from "@turf/bbox";
import booleanValid from "@turf/boolean-valid";
import kinks from "@turf/kinks";
import type { Feature, FeatureCollection, Geometry, Position } from "geojson";
import { z } from "zod";

import { MAX_FEATURES, MAX_GEOJSON_BYTES, MAX_VERTICES } from "./geometry-limits";

export { MAX_FEATURES, MAX_GEOJSON_BYTES, MAX_VERTICES };

const position = z.array(z.number().finite()).min(2).max(3);
const geometrySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("Point"), coordinates: position }),
  z.object({ type: z.literal("MultiPoint"), coordinates: z.array(position) }),
  z.object({ type: z.literal("LineString"), coordinates: z.array(position) }),
  z.object({ type: z.literal("MultiLineString"), coordinates: z.array(z.array(position)) }),
  z.object({ type: z.literal("Polygon"), coordinates: z.array(z.array(position)) }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(z.array(position))) }),
]);

const COLOR = /^#[0-9a-fA-F]{6}$/;

const featureSchema = z.object({
  type: z.literal("Feature"),
  geometry: geometrySchema,
  properties: z
    .object({ label: z.string().max(200).optional(), color: z.string().optional() })
    .catchall(z.unknown())
    .nullable()
    .optional(),
});

export type GeometryProblem = {
  code:
    | "geojsonTooLarge"
    | "geojsonNotJson"
    | "geojsonNotFeatureCollection"
    | "geojsonBadFeature"
    | "geojsonTooManyFeatures"
    | "geojsonTooManyVertices"
    | "geojsonCoordinatesOutOfRange"
    | "geojsonInvalidGeometry"
    | "geojsonOutsideCommune"
    | "geojsonEmpty";
  params: Record<string, string | number>;
};

export type ConsultationFeature = Feature<Geometry, { label?: string; color?: string }>;
export type ConsultationGeometry = FeatureCollection<Geometry, { label?: string; color?: string }>;

function* positions(geometry: z.infer<typeof geometrySchema>): Generator<number[]> {
  switch (geometry.type) {
    case "Point":
      yield geometry.coordinates;
      break;
    case "MultiPoint":
    case "LineString":
      yield* geometry.coordinates;
      break;
    case "MultiLineString":
    case "Polygon":
      for (const line of geometry.coordinates) yield* line;
      break;
    case "MultiPolygon":
      for (const polygon of geometry.coordinates) for (const ring of polygon) yield* ring;
      break;
  }
}

export type Bounds = [minLng: number, minLat: number, maxLng: number, maxLat: number];

/** The commune's bounding box widened by `km` in every direction. */
export function widenBounds([minLng, minLat, maxLng, maxLat]: Bounds, km: number): Bounds {
  const dLat = km / 111.32;
  const dLng = km / (111.32 * Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180));
  return [minLng - dLng, minLat - dLat, maxLng + dLng, maxLat + dLat];
}

export function boundsOf(geojson: Geometry | Feature | FeatureCollection): Bounds {
  const [minLng, minLat, maxLng, maxLat] = bbox(geojson);
  return [minLng, minLat, maxLng, maxLat];
}

/**
 * Parses and validates geometry, from text (an imported file) or an object (the editor). `reach` is
 * the area the geometry must stay in: the commune's bounds widened by the configured distance.
 */
export function validateGeometry(
  input: string | unknown,
  reach: { bounds: Bounds; km: number } | null,
): { ok: true; geometry: ConsultationGeometry } | { ok: false; problem: GeometryProblem } {
  const fail = (code: GeometryProblem["code"], params: GeometryProblem["params"] = {}) =>
    ({ ok: false, problem: { code, params } }) as const;

  let value: unknown = input;
  if (typeof input === "string") {
    if (Buffer.byteLength(input, "utf8") > MAX_GEOJSON_BYTES) {
      return fail("geojsonTooLarge", { maxKb: MAX_GEOJSON_BYTES / 1024 });
    }
    try {
      value = JSON.parse(input);
    } catch {
      return fail("geojsonNotJson");
    }
  } else if (JSON.stringify(input ?? null).length > MAX_GEOJSON_BYTES) {
    return fail("geojsonTooLarge", { maxKb: MAX_GEOJSON_BYTES / 1024 });
  }

  // A single Feature or bare Geometry is accepted and wrapped.
  if (value && typeof value === "object" && "type" in value) {
    const type = (value as { type: unknown }).type;
    if (type === "Feature") value = { type: "FeatureCollection", features: [value] };
    else if (typeof type === "string" && geometrySchema.options.some((o) => o.shape.type.value === type)) {
      value = { type: "FeatureCollection", features: [{ type: "Feature", geometry: value, properties: {} }] };
    }
  }
  if (!value || typeof value !== "object" || (value as { type?: unknown }).type !== "FeatureCollection") {
    return fail("geojsonNotFeatureCollection");
  }
  const rawFeatures = (value as { features?: unknown }).features;
  if (!Array.isArray(rawFeatures)) return fail("geojsonNotFeatureCollection");
  if (rawFeatures.length === 0) return fail("geojsonEmpty");
  if (rawFeatures.length > MAX_FEATURES) return fail("geojsonTooManyFeatures", { max: MAX_FEATURES });

  const features: ConsultationFeature[] = [];
  let vertices = 0;
  const area = reach ? widenBounds(reach.bounds, reach.km) : null;
  for (const [index, raw] of rawFeatures.entries()) {
    const n = index + 1;
    const parsed = featureSchema.safeParse(raw);
    if (!parsed.success) return fail("geojsonBadFeature", { n });
    const { geometry, properties } = parsed.data;
    for (const [lng, lat] of positions(geometry) as Iterable<[number, number]>) {
      vertices += 1;
      if (lng < -180 || lng > 180 || lat < -90 || lat > 90) return fail("geojsonCoordinatesOutOfRange", { n });
      if (area && (lng < area[0] || lng > area[2] || lat < area[1] || lat > area[3])) {
        return fail("geojsonOutsideCommune", { n, km: reach!.km });
      }
    }
    if (vertices > MAX_VERTICES) return fail("geojsonTooManyVertices", { max: MAX_VERTICES });
    if (!booleanValid(geometry as Geometry)) return fail("geojsonInvalidGeometry", { n });
    // boolean-valid accepts a ring that crosses itself (a bow-tie): an area must not.
    if ((geometry.type === "Polygon" || geometry.type === "MultiPolygon") && kinks(geometry as never).features.length > 0) {
      return fail("geojsonInvalidGeometry", { n });
    }
    const label = properties?.label?.trim();
    const color = properties?.color && COLOR.test(properties.color) ? properties.color : undefined;
    features.push({
      type: "Feature",
      geometry: stripAltitude(geometry) as Geometry,
      properties: { ...(label ? { label } : {}), ...(color ? { color } : {}) },
    });
  }
  return { ok: true, geometry: { type: "FeatureCollection", features } };
}

function stripAltitude(geometry: z.infer<typeof geometrySchema>): z.infer<typeof geometrySchema> {
  const round = (p: number[]): Position => [Number(p[0]!.toFixed(7)), Number(p[1]!.toFixed(7))];
  switch (geometry.type) {
    case "Point":
      return { ...geometry, coordinates: round(geometry.coordinates) };
    case "MultiPoint":
    case "LineString":
      return { ...geometry, coordinates: geometry.coordinates.map(round) };
    case "MultiLineString":
    case "Polygon":
      return { ...geometry, coordinates: geometry.coordinates.map((l) => l.map(round)) };
    case "MultiPolygon":
      return { ...geometry, coordinates: geometry.coordinates.map((p) => p.map((r) => r.map(round))) };
  }
}

/** A representative point for the home map's markers: the centre of the geometry's bounds. */
export function centerOf(geometry: ConsultationGeometry): { lat: number; lng: number } {
  const [minLng, minLat, maxLng, maxLat] = boundsOf(geometry);
  return { lat: (minLat + maxLat) / 2, lng: (minLng + maxLng) / 2 };
}
