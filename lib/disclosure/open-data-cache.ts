import "server-only";

// The open data endpoints are read by anyone, as often as they like: their bodies are kept in this
// process per commune and public address for a minute at most (as the public pages are), and dropped
// at once when this instance publishes or changes a consultation (revalidateConsultationPages).
// Another instance's change shows here within the minute, as on the pages. Only the production server
// caches: in development and tests every read goes to the database.
import { createBodyCache } from "./body-cache";
import { listOpenConsultations } from "./list-open-consultations";
import { toFeatureCollection } from "./open-data";

const geoJson = createBodyCache({ ttlMs: process.env.NODE_ENV === "production" ? 60_000 : 0 });

/** The GeoJSON body of the published consultations of one commune (or of all, for null). */
export function openConsultationsGeoJson(communeId: string | null, origin: string): Promise<string> {
  return geoJson.get(`${communeId ?? "*"}|${origin}`, async () => JSON.stringify(toFeatureCollection(await listOpenConsultations(communeId ?? undefined), origin)));
}

/** Forgets every cached body: the next reader gets the database as it is now. */
export function expireOpenData(): void {
  geoJson.clear();
}
