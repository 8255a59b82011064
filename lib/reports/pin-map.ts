// The map of pinned opinions printed in the report: the villages' outlines and one mark per pinned
// opinion, drawn as SVG (no tiles, no outside requests). Opinions are told apart by shape as well as
// colour, so the printed page reads in black and white: support a circle, opposition a triangle,
// other opinions a square. Lengths are projected with the cosine of the mean latitude, so that a
// commune a few kilometres across keeps its shape.
import type { Geometry, Position } from "geojson";

export type MapOutline = { name: string; rings: [number, number][][] };
export type MapPin = { lat: number; lng: number; stance: string | null };

export const PIN_STYLE = {
  SUPPORT: { color: "#1b7a3a", shape: "circle" },
  OPPOSE: { color: "#b3261e", shape: "triangle" },
  OTHER: { color: "#1f4e8c", shape: "square" },
} as const;

/** The outer rings of a village boundary (GeoJSON Polygon or MultiPolygon), as [lng, lat] pairs. */
export function outlineRings(boundary: unknown): [number, number][][] {
  const g = boundary as Geometry | null;
  const ring = (r: Position[]) => r.filter((p) => p.length >= 2).map((p) => [Number(p[0]), Number(p[1])] as [number, number]);
  if (g?.type === "Polygon" && g.coordinates[0]) return [ring(g.coordinates[0])];
  if (g?.type === "MultiPolygon") return g.coordinates.filter((p) => p[0]).map((p) => ring(p[0]!));
  return [];
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The SVG, `width` × `height` user units; null when there is nothing to place. */
export function pinMapSvg(outlines: MapOutline[], pins: MapPin[], width = 480, height = 340): string | null {
  const points = [...outlines.flatMap((o) => o.rings.flat()), ...pins.map((p) => [p.lng, p.lat] as [number, number])];
  if (pins.length === 0 || points.length === 0) return null;
  const lngs = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [minLng, maxLng, minLat, maxLat] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLng - minLng) * k, 1e-4);
  const spanY = Math.max(maxLat - minLat, 1e-4);
  const margin = 12;
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const x = (lng: number) => round(offsetX + (lng - minLng) * k * scale);
  const y = (lat: number) => round(height - offsetY - (lat - minLat) * scale);

  const parts: string[] = [`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff" stroke="#555555" stroke-width="1"/>`];
  for (const o of outlines) {
    for (const r of o.rings) {
      if (r.length < 3) continue;
      parts.push(`<polygon points="${r.map(([lng, lat]) => `${x(lng)},${y(lat)}`).join(" ")}" fill="#f2efe6" stroke="#8a8a8a" stroke-width="0.8"/>`);
    }
  }
  const size = 4.5;
  for (const p of pins) {
    const style = PIN_STYLE[(p.stance ?? "OTHER") as keyof typeof PIN_STYLE] ?? PIN_STYLE.OTHER;
    const cx = x(p.lng);
    const cy = y(p.lat);
    const paint = `fill="${style.color}" fill-opacity="0.8" stroke="#ffffff" stroke-width="0.8"`;
    if (style.shape === "circle") parts.push(`<circle cx="${cx}" cy="${cy}" r="${size}" ${paint}/>`);
    else if (style.shape === "triangle") parts.push(`<polygon points="${cx},${round(cy - size * 1.2)} ${round(cx + size * 1.1)},${round(cy + size * 0.8)} ${round(cx - size * 1.1)},${round(cy + size * 0.8)}" ${paint}/>`);
    else parts.push(`<rect x="${round(cx - size)}" y="${round(cy - size)}" width="${size * 2}" height="${size * 2}" ${paint}/>`);
  }
  // A north arrow, drawn (text would need the document's font inside the picture).
  parts.push(`<polygon points="${width - 20},10 ${width - 14},26 ${width - 20},22 ${width - 26},26" fill="#333333"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join("")}</svg>`;
}
