// shpjs ships no types: the one function Dân Bàn uses (lib/setup/boundary-files.ts).
declare module "shpjs" {
  import type { FeatureCollection } from "geojson";

  export function parseZip(buffer: ArrayBuffer | Uint8Array): Promise<(FeatureCollection & { fileName?: string }) | (FeatureCollection & { fileName?: string })[]>;
}
