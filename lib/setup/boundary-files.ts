import "server-only";

// Village and commune boundaries from a file: GeoJSON, KML (Google Earth, QGIS) or a zipped Shapefile
// (the land office's usual hand-over), read on the server with well-kept libraries (@tmcw/togeojson
// with @xmldom/xmldom, shpjs). The kind is judged by the content, not the name. A zipped Shapefile is
// checked for its unpacked size before anything is unpacked (a small zip can unpack to gigabytes), and
// one without a .prj must already be in WGS84 degrees: the checks in ./boundaries.ts refuse projected
// coordinates (VN-2000 metres) by their range.
import { kml } from "@tmcw/togeojson";
import { DOMParser } from "@xmldom/xmldom";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { parseZip } from "shpjs";

import { invalid } from "@/lib/errors";

/** A boundary file is at most this large as uploaded… */
export const MAX_BOUNDARY_FILE_BYTES = 10 * 1024 * 1024;
/** …and a zipped Shapefile at most this large unpacked. */
export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;

export type BoundaryFileKind = "geojson" | "kml" | "shapefile";

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The unpacked size a zip declares in its central directory (end-of-central-directory record). */
export function declaredUnzippedBytes(b: Uint8Array): number {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw invalid("boundaryFileUnreadable");
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > b.length || view.getUint32(offset, true) !== 0x02014b50) throw invalid("boundaryFileUnreadable");
    const size = view.getUint32(offset + 24, true);
    // 0xFFFFFFFF means a ZIP64 size we do not read: treat it as too large.
    total += size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
}

function asCollection(value: unknown): FeatureCollection {
  const v = value as { type?: string; features?: unknown; geometry?: unknown };
  if (v?.type === "FeatureCollection" && Array.isArray(v.features)) return value as FeatureCollection;
  if (v?.type === "Feature") return { type: "FeatureCollection", features: [value as Feature] };
  if (v?.type === "Polygon" || v?.type === "MultiPolygon") return { type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: value as Geometry }] };
  throw invalid("boundaryFileNotGeoJson");
}

/** Reads a boundary file into GeoJSON features; throws a 422 naming the problem. */
export async function readBoundaryFile(bytes: Uint8Array): Promise<{ kind: BoundaryFileKind; collection: FeatureCollection }> {
  if (bytes.length === 0) throw invalid("boundaryFileEmpty");
  if (bytes.length > MAX_BOUNDARY_FILE_BYTES) throw invalid("boundaryFileTooLarge", { mb: MAX_BOUNDARY_FILE_BYTES / 1024 / 1024 });
  if (isZip(bytes)) {
    if (declaredUnzippedBytes(bytes) > MAX_UNZIPPED_BYTES) throw invalid("boundaryFileTooLarge", { mb: MAX_UNZIPPED_BYTES / 1024 / 1024 });
    let parsed;
    try {
      parsed = await parseZip(bytes);
    } catch {
      throw invalid("boundaryShapefileUnreadable");
    }
    const layers = Array.isArray(parsed) ? parsed : [parsed];
    return { kind: "shapefile", collection: { type: "FeatureCollection", features: layers.flatMap((l) => l.features) } };
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes).replace(/^\uFEFF/, "").trim();
  if (text.startsWith("<")) {
    if (!/<kml[\s>]/i.test(text.slice(0, 2000))) throw invalid("boundaryFileUnreadable");
    let doc;
    try {
      doc = new DOMParser({ onError: () => undefined }).parseFromString(text, "text/xml");
    } catch {
      throw invalid("boundaryFileUnreadable");
    }
    const collection = kml(doc);
    return { kind: "kml", collection: { type: "FeatureCollection", features: collection.features.filter((f): f is Feature => f.geometry !== null) } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid("boundaryFileUnreadable");
  }
  return { kind: "geojson", collection: asCollection(json) };
}
