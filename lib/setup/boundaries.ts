// Checks on the boundaries of a commune and its villages, drawn on the map or read from a file: each
// is a valid polygon in WGS84 degrees (no self-intersection, no projected metres), no two villages
// overlap, and every village lies within the commune. Villages that share a border touch without
// overlapping; digitising slivers below OVERLAP_TOLERANCE pass, so two files from the same land office
// fit together. Without a commune boundary of its own, the commune's is the union of its villages.
import area from "@turf/area";
import bbox from "@turf/bbox";
import booleanValid from "@turf/boolean-valid";
import intersect from "@turf/intersect";
import kinks from "@turf/kinks";
import union from "@turf/union";
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from "geojson";

import type { VillageKind } from "@/lib/generated/prisma/enums";

export type Area = Polygon | MultiPolygon;
export type VillageShape = { name: string; kind: VillageKind; boundary: Area };

/** Overlaps smaller than this share of the smaller village, and than OVERLAP_MIN_M2, are slivers, not overlaps. */
export const OVERLAP_TOLERANCE = 0.001;
export const OVERLAP_MIN_M2 = 100;
export const MAX_BOUNDARY_VERTICES = 50_000;

export type BoundaryProblem = {
  code: "boundaryNotPolygon" | "boundaryNotDegrees" | "boundaryInvalid" | "boundaryTooDetailed" | "villagesOverlap" | "villageOutsideCommune" | "villageNameMissing" | "villageNameTwice";
  params: Record<string, string | number>;
};

const feature = (g: Area): Feature<Area> => ({ type: "Feature", properties: {}, geometry: g });

function* allPositions(g: Area): Generator<Position> {
  const rings = g.type === "Polygon" ? g.coordinates : g.coordinates.flat();
  for (const ring of rings) yield* ring;
}

/** One boundary on its own: a polygon, in degrees, valid, not too detailed. Null when it is fine. */
export function checkShape(geometry: Geometry | null | undefined, name: string): BoundaryProblem | null {
  if (!geometry || (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon")) return { code: "boundaryNotPolygon", params: { name } };
  let count = 0;
  for (const [lng, lat] of allPositions(geometry)) {
    count++;
    if (typeof lng !== "number" || typeof lat !== "number" || !Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90) return { code: "boundaryNotDegrees", params: { name } };
  }
  if (count > MAX_BOUNDARY_VERTICES) return { code: "boundaryTooDetailed", params: { name, max: MAX_BOUNDARY_VERTICES } };
  let valid = false;
  try {
    valid = booleanValid(feature(geometry)) && kinks(feature(geometry) as Feature<Polygon>).features.length === 0;
  } catch {
    valid = false;
  }
  return valid ? null : { code: "boundaryInvalid", params: { name } };
}

const boxesMeet = (a: number[], b: number[]) => a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;

function sharedArea(a: Area, b: Area): number {
  const shared = intersect({ type: "FeatureCollection", features: [feature(a), feature(b)] });
  return shared ? area(shared) : 0;
}

const isOverlap = (shared: number, smaller: number) => shared > OVERLAP_MIN_M2 && shared > smaller * OVERLAP_TOLERANCE;

/**
 * Every problem with a set of villages (new ones and, in `existing`, those the commune already has)
 * and the commune's boundary. Empty when all is well.
 */
export function checkVillages(villages: VillageShape[], options: { existing?: VillageShape[]; commune?: Area | null } = {}): BoundaryProblem[] {
  const problems: BoundaryProblem[] = [];
  const seen = new Set((options.existing ?? []).map((v) => v.name.toLocaleLowerCase("vi")));
  for (const v of villages) {
    if (!v.name.trim()) problems.push({ code: "villageNameMissing", params: {} });
    else if (seen.has(v.name.toLocaleLowerCase("vi"))) problems.push({ code: "villageNameTwice", params: { name: v.name } });
    seen.add(v.name.toLocaleLowerCase("vi"));
    const shape = checkShape(v.boundary, v.name);
    if (shape) problems.push(shape);
  }
  if (options.commune) {
    const shape = checkShape(options.commune, "");
    if (shape) return [...problems, shape];
  }
  if (problems.length) return problems;
  const all = [...(options.existing ?? []), ...villages].map((v) => ({ ...v, box: bbox(feature(v.boundary)), size: area(feature(v.boundary)) }));
  const firstNew = all.length - villages.length;
  for (let i = 0; i < all.length; i++) {
    for (let j = Math.max(i + 1, firstNew); j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      if (!boxesMeet(a.box, b.box)) continue;
      if (isOverlap(sharedArea(a.boundary, b.boundary), Math.min(a.size, b.size))) problems.push({ code: "villagesOverlap", params: { name: a.name, other: b.name } });
    }
  }
  if (options.commune) {
    for (const v of all.slice(firstNew)) {
      const outside = v.size - sharedArea(v.boundary, options.commune);
      if (isOverlap(outside, v.size)) problems.push({ code: "villageOutsideCommune", params: { name: v.name } });
    }
  }
  return problems;
}

/** The commune's boundary as the union of its villages' (when it has none of its own). */
export function unionOf(shapes: Area[]): Area | null {
  if (shapes.length === 0) return null;
  if (shapes.length === 1) return shapes[0]!;
  const merged = union({ type: "FeatureCollection", features: shapes.map(feature) });
  return merged?.geometry ?? null;
}

/** The centre of a boundary's box, for the map's first view. */
export function centreOf(shape: Area): { lat: number; lng: number } {
  const [w, s, e, n] = bbox(feature(shape));
  return { lat: (s + n) / 2, lng: (w + e) / 2 };
}

const NAME_KEYS = ["name", "ten", "ten_thon", "tenthon", "village", "label", "title"];
const KIND_KEYS = ["kind", "loai", "type_", "loaihinh"];
const strip = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d").toLowerCase();

/** "Thôn Phú Khương" → Phú Khương, a village; "Tổ dân phố 3", "TDP 3" → 3, a residential group. */
export function nameAndKind(raw: string, kindHint?: string): { name: string; kind: VillageKind } {
  const name = raw.normalize("NFC").trim().replace(/\s+/g, " ");
  const hint = kindHint ? strip(kindHint) : "";
  const tdp = /^(to dan pho|tdp)\b\.?\s*/i;
  const thon = /^thon\b\.?\s*/i;
  if (tdp.test(strip(name))) return { name: name.slice(strip(name).match(tdp)![0].length).trim() || name, kind: "TO_DAN_PHO" };
  if (thon.test(strip(name))) return { name: name.slice(strip(name).match(thon)![0].length).trim() || name, kind: "THON" };
  return { name, kind: hint.includes("to") || hint.includes("tdp") ? "TO_DAN_PHO" : "THON" };
}

/** Villages from a file's features: the name from a "name"/"ten"… property (any case), the kind from the name or a "kind"/"loai" property. */
export function villagesFromFeatures(collection: FeatureCollection): VillageShape[] {
  return collection.features.map((f, i) => {
    const props = Object.fromEntries(Object.entries(f.properties ?? {}).map(([k, v]) => [strip(k), v]));
    const rawName = NAME_KEYS.map((k) => props[k]).find((v) => typeof v === "string" && v.trim()) as string | undefined;
    const rawKind = KIND_KEYS.map((k) => props[k]).find((v) => typeof v === "string") as string | undefined;
    const { name, kind } = nameAndKind(rawName ?? `#${i + 1}`, rawKind);
    return { name: rawName ? name : "", kind, boundary: f.geometry as Area };
  });
}
