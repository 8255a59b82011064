import { describe, expect, it } from "vitest";

import { type Bounds, centerOf, MAX_GEOJSON_BYTES, validateGeometry, widenBounds } from "./geometry";

// About xã Thiện Tín.
const COMMUNE: Bounds = [108.675, 14.955, 108.765, 15.05];
const reach = { bounds: COMMUNE, km: 5 };

const polygon = (coords: number[][]) => ({ type: "Polygon", coordinates: [coords] });
const fc = (...geometries: unknown[]) => ({
  type: "FeatureCollection",
  features: geometries.map((geometry, i) => ({ type: "Feature", geometry, properties: { label: `Hình ${i + 1}`, color: "#b91c1c" } })),
});
const square = polygon([
  [108.7, 15.0],
  [108.71, 15.0],
  [108.71, 15.01],
  [108.7, 15.01],
  [108.7, 15.0],
]);

describe("validateGeometry", () => {
  it("accepts points, lines and polygons within the commune and keeps labels and colours", () => {
    const result = validateGeometry(fc(square, { type: "LineString", coordinates: [[108.7, 15.0], [108.72, 15.02]] }, { type: "Point", coordinates: [108.73, 15.03] }), reach);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.geometry.features).toHaveLength(3);
    expect(result.geometry.features[0]!.properties).toEqual({ label: "Hình 1", color: "#b91c1c" });
  });

  it("parses a file's text and wraps a bare geometry or feature", () => {
    expect(validateGeometry(JSON.stringify(square), reach).ok).toBe(true);
    expect(validateGeometry(JSON.stringify({ type: "Feature", geometry: square, properties: null }), reach).ok).toBe(true);
  });

  it("names what is wrong", () => {
    const problem = (input: unknown) => {
      const r = validateGeometry(input, reach);
      return r.ok ? null : r.problem;
    };
    expect(problem("{not json")).toEqual({ code: "geojsonNotJson", params: {} });
    expect(problem({ type: "Topology" })?.code).toBe("geojsonNotFeatureCollection");
    expect(problem({ type: "FeatureCollection", features: [] })?.code).toBe("geojsonEmpty");
    expect(problem(fc(square, { type: "Circle", coordinates: [1, 2] }))).toEqual({ code: "geojsonBadFeature", params: { n: 2 } });
    expect(problem(fc({ type: "Point", coordinates: [500000, 1650000] }))?.code).toBe("geojsonCoordinatesOutOfRange");
    // A bow-tie polygon crosses itself.
    expect(problem(fc(polygon([[108.7, 15.0], [108.71, 15.01], [108.71, 15.0], [108.7, 15.01], [108.7, 15.0]])))).toEqual({ code: "geojsonInvalidGeometry", params: { n: 1 } });
    // An unclosed ring is not a polygon.
    expect(problem(fc(polygon([[108.7, 15.0], [108.71, 15.0], [108.71, 15.01], [108.7, 15.01]])))?.code).toBe("geojsonInvalidGeometry");
  });

  it("refuses geometry far from the commune (Hà Nội) but accepts it within the configured reach", () => {
    const hanoi = fc({ type: "Point", coordinates: [105.85, 21.03] });
    expect(validateGeometry(hanoi, reach)).toEqual({ ok: false, problem: { code: "geojsonOutsideCommune", params: { n: 1, km: 5 } } });
    const justOutside = fc({ type: "Point", coordinates: [108.79, 15.0] }); // ~2.7 km east of the box
    expect(validateGeometry(justOutside, reach).ok).toBe(true);
    expect(validateGeometry(justOutside, { bounds: COMMUNE, km: 1 }).ok).toBe(false);
  });

  it("limits the size of an imported file", () => {
    const big = " ".repeat(MAX_GEOJSON_BYTES + 1);
    expect(validateGeometry(big, reach)).toEqual({ ok: false, problem: { code: "geojsonTooLarge", params: { maxKb: 1024 } } });
  });

  it("drops unknown colours rather than storing arbitrary strings", () => {
    const r = validateGeometry({ type: "FeatureCollection", features: [{ type: "Feature", geometry: square, properties: { color: "red; background:url(x)" } }] }, reach);
    expect(r.ok && r.geometry.features[0]!.properties).toEqual({});
  });
});

describe("helpers", () => {
  it("widens bounds by kilometres", () => {
    const [w, s, e, n] = widenBounds([108.7, 15.0, 108.7, 15.0], 11.132);
    expect(n - 15.0).toBeCloseTo(0.1, 3);
    expect(15.0 - s).toBeCloseTo(0.1, 3);
    expect(e - 108.7).toBeGreaterThan(0.1); // a degree of longitude is shorter than one of latitude here
    expect(108.7 - w).toBeCloseTo(e - 108.7, 6);
  });

  it("centres markers on the geometry's bounds", () => {
    const r = validateGeometry(fc(square), reach);
    if (!r.ok) throw new Error("expected valid geometry");
    const c = centerOf(r.geometry);
    expect(c.lat).toBeCloseTo(15.005, 9);
    expect(c.lng).toBeCloseTo(108.705, 9);
  });
});
