import { invalid } from "@/lib/errors";

import { loadCommuneContext } from "./create-consultation";
import { validateGeometry } from "./geometry";

/**
 * A GeoJSON file imported into the map editor, judged on the server exactly as a save would judge
 * it: WGS84, valid shapes, size, within reach of the commune. A refusal names the feature and why.
 */
export async function checkGeometryImport(communeId: string, text: string) {
  const { bounds, settings } = await loadCommuneContext(communeId);
  const result = validateGeometry(text, { bounds, km: settings.geometryReachKm });
  if (!result.ok) throw invalid(result.problem.code, result.problem.params, { file: result.problem.code });
  return { geometry: result.geometry, count: result.geometry.features.length };
}
