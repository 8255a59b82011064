// The limits of a consultation's geometry, apart from the checks (geometry.ts) so that the browser
// can tell a file is too large without loading the geometry libraries.
export const MAX_GEOJSON_BYTES = 1024 * 1024;
export const MAX_FEATURES = 200;
export const MAX_VERTICES = 20_000;
