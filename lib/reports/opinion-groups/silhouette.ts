// The silhouette score of a clustering of points in the plane (Rousseeuw 1987): for each point, how
// much closer it is to its own cluster than to the nearest other one, averaged. Exact, over at most
// `limit` points (a seeded sample beyond that), since it costs the square of the points.
import { sampleIndices } from "@/lib/reports/seeded-random";

export function silhouetteScore(points: [number, number][], labels: number[], k: number, random: () => number, limit = 1200): number {
  const chosen = sampleIndices(points.length, limit, random);
  const pts = chosen.map((i) => points[i]!);
  const lab = chosen.map((i) => labels[i]!);
  const n = pts.length;
  const sizes = new Array<number>(k).fill(0);
  for (const l of lab) sizes[l]!++;
  let total = 0;
  const sums = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const own = lab[i]!;
    if (sizes[own]! < 2) continue; // a point alone in its cluster scores 0
    sums.fill(0);
    const [xi, yi] = pts[i]!;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const [xj, yj] = pts[j]!;
      const dx = xi - xj;
      const dy = yi - yj;
      sums[lab[j]!]! += Math.sqrt(dx * dx + dy * dy);
    }
    const a = sums[own]! / (sizes[own]! - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c]! > 0) b = Math.min(b, sums[c]! / sizes[c]!);
    if (!Number.isFinite(b)) continue;
    const spread = Math.max(a, b);
    total += spread > 0 ? (b - a) / spread : 0;
  }
  return n > 0 ? total / n : 0;
}
