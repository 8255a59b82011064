import { describe, expect, it } from "vitest";

import { type ConsultationSnapshot, changedFields, diffConsultation } from "./diff-consultation";

const polygon = (x: number, label?: string, color = "#b45309") => ({
  type: "Feature" as const,
  geometry: { type: "Polygon", coordinates: [[[x, 15], [x + 0.01, 15], [x + 0.01, 15.01], [x, 15]]] },
  properties: { ...(label ? { label } : {}), color },
});
const line = (x: number, label?: string) => ({
  type: "Feature" as const,
  geometry: { type: "LineString", coordinates: [[x, 15], [x + 0.02, 15.02]] },
  properties: label ? { label } : {},
});

const base: ConsultationSnapshot = {
  title: "Nâng cấp đường liên thôn",
  summary: "Lấy ý kiến về hướng tuyến.",
  matterKind: "CONSULTATION",
  legalCategory: "CONSULTATION_INVESTMENT_PROJECT",
  subject: "PROJECT",
  isCommuneWide: true,
  villages: [],
  allowedChannels: ["WEB", "MEETING"],
  postingStartsAt: "2026-12-01",
  postingEndsAt: "2026-12-30",
  commentStartsAt: "2026-12-01",
  commentEndsAt: "2026-12-30",
  legalBasis: "Luật Thực hiện dân chủ ở cơ sở",
  responsibleOfficer: "Địa chính xã",
  sections: [
    { id: "s1", heading: "Vị trí", body: "Phía đông." },
    { id: "s2", heading: "Quy mô", body: "3,2 km." },
  ],
  geometry: { type: "FeatureCollection", features: [polygon(108.7, "Khu tái định cư"), line(108.72)] },
  showResultsLive: false,
  requiresBroadcast: false,
  onlineVoteNotice: false,
  attachments: [{ id: "a1", title: "Bản vẽ" }],
};

describe("diffConsultation", () => {
  it("finds nothing between equal states", () => {
    expect(diffConsultation(base, structuredClone(base))).toEqual([]);
  });

  it("records field changes with their values before and after", () => {
    const after = { ...base, title: "Nâng cấp, mở rộng đường liên thôn", commentEndsAt: "2027-01-15", subject: "ZONING" as const, requiresBroadcast: true };
    expect(diffConsultation(base, after)).toEqual([
      { kind: "text", field: "title", before: "Nâng cấp đường liên thôn", after: "Nâng cấp, mở rộng đường liên thôn" },
      { kind: "enum", field: "subject", before: "PROJECT", after: "ZONING" },
      { kind: "date", field: "commentEndsAt", before: "2026-12-30", after: "2027-01-15" },
      { kind: "flag", field: "requiresBroadcast", before: false, after: true },
    ]);
  });

  it("names the villages of a changed scope and the channels added or removed", () => {
    const after = {
      ...base,
      isCommuneWide: false,
      villages: [{ id: "v2", name: "Phú Khương" }, { id: "v1", name: "Long Bình" }],
      allowedChannels: ["WEB" as const, "PAPER" as const],
    };
    expect(diffConsultation(base, after)).toEqual([
      { kind: "scope", before: null, after: ["Long Bình", "Phú Khương"] },
      { kind: "channels", added: ["PAPER"], removed: ["MEETING"] },
    ]);
  });

  it("tells sections added, changed, renamed and removed apart by their id", () => {
    const after = {
      ...base,
      sections: [
        { id: "s2", heading: "Quy mô và hướng tuyến", body: "3,2 km." },
        { id: "new", heading: "Kinh phí", body: "12 tỷ đồng." },
      ],
    };
    expect(diffConsultation(base, after)).toEqual([
      { kind: "section", change: "removed", heading: "Vị trí" },
      { kind: "section", change: "changed", heading: "Quy mô và hướng tuyến", beforeHeading: "Quy mô", before: "3,2 km.", after: "3,2 km." },
      { kind: "section", change: "added", heading: "Kinh phí" },
    ]);
  });

  it("says once that sections were reordered", () => {
    const after = { ...base, sections: [base.sections[1]!, base.sections[0]!] };
    expect(diffConsultation(base, after)).toEqual([{ kind: "sectionsReordered" }]);
  });

  it("matches shapes by content, and a moved or recoloured shape by its label", () => {
    const after = {
      ...base,
      geometry: {
        type: "FeatureCollection" as const,
        features: [polygon(108.705, "Khu tái định cư", "#15803d"), line(108.72), { type: "Feature" as const, geometry: { type: "Point", coordinates: [108.71, 15.005] }, properties: { label: "Cống" } }],
      },
    };
    expect(diffConsultation(base, after)).toEqual([
      { kind: "geometry", added: [{ label: "Cống", n: 3, type: "Point" }], removed: [], changed: [{ label: "Khu tái định cư", n: 1, type: "Polygon" }] },
    ]);
    const cleared = diffConsultation(base, { ...base, geometry: null });
    expect(cleared).toEqual([
      { kind: "geometry", added: [], changed: [], removed: [{ label: "Khu tái định cư", n: 1, type: "Polygon" }, { label: null, n: 2, type: "LineString" }] },
    ]);
  });

  it("records attachments added, renamed and withdrawn", () => {
    const after = { ...base, attachments: [{ id: "a1", title: "Bản vẽ mặt bằng" }, { id: "a2", title: "Dự toán" }] };
    expect(diffConsultation(base, after)).toEqual([
      { kind: "attachment", change: "renamed", title: "Bản vẽ mặt bằng", beforeTitle: "Bản vẽ" },
      { kind: "attachment", change: "added", title: "Dự toán" },
    ]);
    expect(diffConsultation(base, { ...base, attachments: [] })).toEqual([{ kind: "attachment", change: "removed", title: "Bản vẽ" }]);
  });

  it("lists the changed fields for the audit log", () => {
    const changes = diffConsultation(base, { ...base, title: "Khác", attachments: [], sections: [base.sections[0]!] });
    expect(changedFields(changes)).toEqual(["title", "section", "attachment"]);
  });
});
