// Demo geography. The boundaries are APPROXIMATE (drawn to look plausible around the known centre of
// each commune), not survey data: the communes are marked isDemo and every map says so.
import type { Polygon } from "geojson";

export type Box = { south: number; west: number; north: number; east: number };

/** A rectangle with gently irregular edges, closed, counter-clockwise. */
export function irregularPolygon(box: Box, wobble = 0.004): Polygon {
  const steps = 6;
  const pts: [number, number][] = [];
  const jitter = (i: number) => Math.sin(i * 1.7) * wobble;
  for (let i = 0; i < steps; i++) pts.push([box.west + ((box.east - box.west) * i) / steps, box.south + jitter(i)]);
  for (let i = 0; i < steps; i++) pts.push([box.east + jitter(i + 7), box.south + ((box.north - box.south) * i) / steps]);
  for (let i = 0; i < steps; i++) pts.push([box.east - ((box.east - box.west) * i) / steps, box.north + jitter(i + 13)]);
  for (let i = 0; i < steps; i++) pts.push([box.west + jitter(i + 19), box.north - ((box.north - box.south) * i) / steps]);
  pts.push(pts[0]!);
  return { type: "Polygon", coordinates: [pts.map(([x, y]) => [round(x), round(y)])] };
}

export function rectangle(box: Box): Polygon {
  return {
    type: "Polygon",
    coordinates: [
      [
        [box.west, box.south],
        [box.east, box.south],
        [box.east, box.north],
        [box.west, box.north],
        [box.west, box.south],
      ].map(([x, y]) => [round(x!), round(y!)]),
    ],
  };
}

const round = (n: number) => Number(n.toFixed(6));

/** Splits a box into rows × cols cells, row by row from the north-west. */
export function grid(box: Box, rows: number, cols: number): Box[] {
  const cells: Box[] = [];
  const dLat = (box.north - box.south) / rows;
  const dLng = (box.east - box.west) / cols;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const north = box.north - r * dLat;
      cells.push({ north, south: north - dLat, west: box.west + c * dLng, east: box.west + (c + 1) * dLng });
    }
  }
  return cells;
}

export const centre = (b: Box) => ({ lat: (b.north + b.south) / 2, lng: (b.east + b.west) / 2 });
