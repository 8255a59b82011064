import { describe, expect, it } from "vitest";

import { readSettings, readSettingsReport } from "./settings";

describe("reading a commune's settings", () => {
  it("keeps every good key when one key is bad, and names the bad one", () => {
    const { settings, problems } = readSettingsReport({ lateEntryDays: 7, reportsToHide: "many", extraHolidays: ["2026-09-03"], geometryReachKm: 2 });
    expect(settings.lateEntryDays).toBe(7);
    expect(settings.extraHolidays).toEqual(["2026-09-03"]);
    expect(settings.geometryReachKm).toBe(2);
    expect(settings.reportsToHide).toBe(3);
    expect(problems).toEqual([{ key: "reportsToHide", value: "many" }]);
  });

  it("reads per-category figures one by one: a bad figure drops only itself", () => {
    const { settings, problems } = readSettingsReport({
      legal: { CONSULTATION_OTHER: { minCommentDays: 40, minPostingDays: "forty" }, DECISION_COMMUNITY_FUNDS: 75 },
      lateEntryDays: 5,
    });
    expect(settings.legal.CONSULTATION_OTHER).toEqual({ minCommentDays: 40 });
    expect(settings.legal.DECISION_COMMUNITY_FUNDS).toBeUndefined();
    expect(settings.lateEntryDays).toBe(5);
    expect(problems.map((p) => p.key)).toEqual(["legal.CONSULTATION_OTHER.minPostingDays", "legal.DECISION_COMMUNITY_FUNDS"]);
  });

  it("falls back to the defaults for an empty or unreadable value, without failing", () => {
    expect(readSettings(null).lateEntryDays).toBe(3);
    expect(readSettings({}).conventionReviewDay).toBe("11-18");
    expect(readSettingsReport("oops").problems).toEqual([{ key: "", value: "oops" }]);
  });

  it("reads the commune's recipients per document type, and refuses an empty list", () => {
    const { settings, problems } = readSettingsReport({ recipients: { BC: ["Thường trực HĐND xã", "Lưu: VT"] }, lateEntryDays: 4 });
    expect(settings.recipients.BC).toEqual(["Thường trực HĐND xã", "Lưu: VT"]);
    const bad = readSettingsReport({ recipients: { TB: [] }, lateEntryDays: 4 });
    expect(bad.settings.recipients).toEqual({});
    expect(bad.settings.lateEntryDays).toBe(4);
    expect(bad.problems.map((p) => p.key)).toEqual(["recipients"]);
    expect(problems).toEqual([]);
  });
});
