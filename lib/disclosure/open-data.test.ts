import { check } from "@placemarkio/check-geojson";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import { endOfDayVn, startOfDayVn } from "@/lib/consultations/periods";

import { CSV_COLUMNS, type OpenConsultation, toCsv, toFeatureCollection } from "./open-data";

const road: OpenConsultation = {
  id: "c-road",
  communeSlug: "thien-tin",
  communeName: "Thiện Tín",
  province: "Quảng Ngãi",
  title: 'Nâng cấp đường "liên thôn", Phú Khương – Long Bình',
  summary: "Mở rộng 3,2 km;\nxin ý kiến về hướng tuyến.",
  status: "PUBLISHED",
  matterKind: "CONSULTATION",
  legalCategory: "CONSULTATION_INVESTMENT_PROJECT",
  subject: "PROJECT",
  isCommuneWide: false,
  villages: ["Tân Hòa", "Long Bình", "Phú Khương"],
  postingStartsAt: startOfDayVn("2026-12-05"),
  postingEndsAt: endOfDayVn("2027-01-03"),
  commentStartsAt: startOfDayVn("2026-12-05"),
  commentEndsAt: endOfDayVn("2027-01-03"),
  publishedAt: startOfDayVn("2026-12-05"),
  closedAt: null,
  updatedAt: new Date("2026-12-06T03:04:05.000Z"),
  geometry: {
    type: "FeatureCollection",
    features: [
      { type: "Feature", properties: { label: "Tuyến đường (3,2 km)", color: "#b91c1c" }, geometry: { type: "LineString", coordinates: [[108.7, 15.0], [108.71, 15.01]] } },
      { type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [108.705, 15.005] } },
    ],
  },
  centerLat: 15.005,
  centerLng: 108.705,
};
const plan: OpenConsultation = { ...road, id: "c-plan", title: "=HYPERLINK(\"http://x\")", isCommuneWide: true, villages: [], geometry: null, centerLat: null, centerLng: null, status: "CLOSED", closedAt: endOfDayVn("2026-10-01") };
const ORIGIN = "https://danban.example.vn";

describe("toFeatureCollection", () => {
  const collection = toFeatureCollection([road, plan], ORIGIN);

  it("is valid GeoJSON, one feature per shape and one for a consultation without a map", () => {
    expect(() => check(JSON.stringify(collection))).not.toThrow();
    expect(collection.features.map((f) => f.id)).toEqual(["c-road-1", "c-road-2", "c-plan"]);
    expect(collection.features[2]!.geometry).toBeNull();
  });

  it("carries the consultation's fields with each shape's label and colour", () => {
    expect(collection.features[0]!.properties).toEqual({
      consultationId: "c-road",
      commune: "thien-tin",
      communeName: "Thiện Tín",
      province: "Quảng Ngãi",
      title: 'Nâng cấp đường "liên thôn", Phú Khương – Long Bình',
      summary: "Mở rộng 3,2 km;\nxin ý kiến về hướng tuyến.",
      status: "PUBLISHED",
      matterKind: "CONSULTATION",
      legalCategory: "CONSULTATION_INVESTMENT_PROJECT",
      subject: "PROJECT",
      scope: "villages",
      villages: ["Long Bình", "Phú Khương", "Tân Hòa"],
      postingStartsOn: "2026-12-05",
      postingEndsOn: "2027-01-03",
      commentStartsOn: "2026-12-05",
      commentEndsOn: "2027-01-03",
      publishedAt: "2026-12-04T17:00:00.000Z",
      closedAt: null,
      updatedAt: "2026-12-06T03:04:05.000Z",
      url: "https://danban.example.vn/thien-tin/consultations/c-road",
      featureIndex: 1,
      label: "Tuyến đường (3,2 km)",
      color: "#b91c1c",
    });
    expect(collection.features[1]!.properties).toMatchObject({ featureIndex: 2, label: null, color: null });
  });
});

describe("toCsv", () => {
  const csv = toCsv([road, plan], ORIGIN);

  it("starts with a byte order mark and the header, and ends rows with CRLF", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split("\r\n")[0]).toBe(CSV_COLUMNS.join(","));
  });

  it("round-trips Vietnamese, quotes, commas and line breaks through a CSV parser", () => {
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      consultation_id: "c-road",
      title: 'Nâng cấp đường "liên thôn", Phú Khương – Long Bình',
      summary: "Mở rộng 3,2 km;\nxin ý kiến về hướng tuyến.",
      scope: "villages",
      villages: "Long Bình; Phú Khương; Tân Hòa",
      comment_ends_on: "2027-01-03",
      center_lat: "15.005",
      center_lng: "108.705",
      map_labels: "Tuyến đường (3,2 km)",
      closed_at: "",
    });
    expect(rows[1]).toMatchObject({ scope: "commune", villages: "", center_lat: "", map_labels: "", status: "CLOSED" });
  });

  it("neutralises a cell that a spreadsheet would run as a formula", () => {
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows[1]!.title).toBe("'=HYPERLINK(\"http://x\")");
  });
});
