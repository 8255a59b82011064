import { describe, expect, it } from "vitest";

import { byteRange } from "./audio-route";
import { consultationSpeech, isReadAloudKind } from "./texts";

describe("consultationSpeech", () => {
  it("spells out abbreviations and says the comment period in words", () => {
    const text = consultationSpeech({
      title: "Kế hoạch của UBND xã",
      summary: "Đoạn một\n\nĐoạn hai.",
      commentStartsAt: new Date("2026-12-01T00:00:00+07:00"),
      commentEndsAt: new Date("2026-12-31T00:00:00+07:00"),
    });
    expect(text).toContain("Ủy ban nhân dân");
    expect(text).not.toContain("UBND");
    expect(text.split("\n\n")).toEqual(["Kế hoạch của Ủy ban nhân dân xã.", "Đoạn một.", "Đoạn hai.", "Thời gian lấy ý kiến: từ ngày 1 tháng 12 năm 2026 đến ngày 31 tháng 12 năm 2026."]);
  });

  it("leaves the period out when it is not set", () => {
    expect(consultationSpeech({ title: "A", summary: "B", commentStartsAt: null, commentEndsAt: null })).toBe("A.\n\nB.");
  });
});

describe("byteRange", () => {
  it("reads one range within the size, and the open and suffix forms", () => {
    expect(byteRange("bytes=0-99", 1000)).toEqual({ start: 0, end: 99 });
    expect(byteRange("bytes=900-", 1000)).toEqual({ start: 900, end: 999 });
    expect(byteRange("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(byteRange("bytes=0-5000", 1000)).toEqual({ start: 0, end: 999 });
    expect(byteRange("bytes=999-999", 1000)).toEqual({ start: 999, end: 999 });
  });

  it("is unsatisfiable past the end, and ignored when absent or of another form", () => {
    expect(byteRange("bytes=1000-", 1000)).toBe("unsatisfiable");
    expect(byteRange("bytes=5-4", 1000)).toBe("unsatisfiable");
    expect(byteRange(null, 1000)).toBeNull();
    expect(byteRange("bytes=0-1,5-6", 1000)).toBeNull();
    expect(byteRange("items=0-1", 1000)).toBeNull();
  });

  it("knows its kinds", () => {
    expect(isReadAloudKind("consultation")).toBe(true);
    expect(isReadAloudKind("opinion")).toBe(false);
  });
});
