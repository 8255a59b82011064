import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import { loadMessages } from "@/lib/i18n/load-messages";

import { describeChange } from "./describe-change";
import type { ConsultationChange } from "./diff-consultation";

// The real catalogues: the history must read well in both languages, and a missing key fails here.
function translator(locale: "vi" | "en") {
  const t = createTranslator({ locale, messages: loadMessages(locale) });
  return (key: string, values?: Record<string, string | number>) => (t as unknown as (k: string, v?: unknown) => string)(key, values);
}
const day = (iso: string) => iso.split("-").reverse().join("/");

describe("describeChange", () => {
  const vi = translator("vi");
  const en = translator("en");

  it("reads a moved comment period as the commune writes dates", () => {
    const change: ConsultationChange = { kind: "date", field: "commentEndsAt", before: "2026-12-30", after: "2027-01-15" };
    expect(describeChange(change, vi, day)).toEqual({ label: "Thời gian lấy ý kiến (đến ngày)", before: "30/12/2026", after: "15/01/2027" });
    expect(describeChange(change, en, day).label).toBe("Comment period (until)");
  });

  it("names enums, flags, channels and scope in words", () => {
    expect(describeChange({ kind: "enum", field: "subject", before: "PROJECT", after: "ZONING" }, vi, day)).toMatchObject({ before: "Dự án", after: "Quy hoạch" });
    expect(describeChange({ kind: "flag", field: "requiresBroadcast", before: false, after: true }, vi, day)).toMatchObject({ before: "Không", after: "Có" });
    expect(describeChange({ kind: "channels", added: ["PAPER"], removed: ["MEETING"] }, vi, day).label).toBe(
      "Hình thức tham gia: thêm Phiếu lấy ý kiến; bỏ Hội nghị thôn",
    );
    expect(describeChange({ kind: "scope", before: null, after: ["Long Bình"] }, vi, day)).toMatchObject({ before: "Toàn xã", after: "Long Bình" });
  });

  it("describes sections, shapes and attachments", () => {
    expect(describeChange({ kind: "section", change: "added", heading: "Kinh phí" }, vi, day).label).toBe("Thêm mục “Kinh phí”");
    const changed = describeChange({ kind: "section", change: "changed", heading: "Quy mô", beforeHeading: "Quy mô", before: "3 km", after: "3,2 km" }, vi, day);
    expect(changed).toEqual({ label: "Sửa nội dung mục “Quy mô”", detail: { before: "3 km", after: "3,2 km" } });
    const shapes = describeChange(
      { kind: "geometry", added: [{ label: null, n: 2, type: "LineString" }], removed: [], changed: [{ label: "Khu tái định cư", n: 1, type: "Polygon" }] },
      vi,
      day,
    );
    expect(shapes.label).toBe("Bản đồ: thêm Tuyến #2; sửa Khu tái định cư (Khu vực)");
    expect(describeChange({ kind: "attachment", change: "removed", title: "Bản vẽ" }, en, day).label).toBe("Attachment “Bản vẽ” withdrawn (the file is kept on record)");
  });

  it("keeps long texts out of the line, to be opened on request", () => {
    const long = "x".repeat(300);
    expect(describeChange({ kind: "text", field: "summary", before: "Ngắn.", after: long }, vi, day)).toEqual({ label: "Tóm tắt", detail: { before: "Ngắn.", after: long } });
    expect(describeChange({ kind: "text", field: "legalBasis", before: "", after: "Luật Đất đai" }, vi, day)).toMatchObject({ before: "(để trống)" });
  });
});
