import { describe, expect, it } from "vitest";

import { renderDocx } from "@/lib/documents/render-docx";
import { renderPdf } from "@/lib/documents/render-pdf";

import { ballotCountMinutes, heldAtWords } from "./ballot-count-minutes";

const input = {
  communeName: "Thiện Tín",
  villageName: "Tân Phú 1",
  consultationTitle: "Dự thảo Hương ước thôn Tân Phú 1",
  heldAt: new Date("2026-12-03T12:30:00Z"), // 19:30 in Vietnam
  form: "SHOW_OF_HANDS" as const,
  householdsPresent: 150,
  householdsTotal: 240,
  questions: [{ position: 0, text: "Hộ gia đình có đồng ý thông qua không?", options: [{ label: "Đồng ý", count: 121 }, { label: "Không đồng ý", count: 20 }, { label: "Ý kiến khác", count: 9 }] }],
  notes: null,
};

describe("the ballot-count minutes of a village meeting", () => {
  it("state the time in Vietnam, the households of the village and present, and each count against all households", () => {
    expect(heldAtWords(input.heldAt)).toBe("hồi 19 giờ 30 ngày 03 tháng 12 năm 2026");
    const doc = ballotCountMinutes(input);
    expect(doc).toMatchObject({ type: "BB", issuerLines: ["xã Thiện Tín", "thôn Tân Phú 1"], signature: { authorityLines: ["TM. TỔ KIỂM PHIẾU", "TỔ TRƯỞNG"] } });
    const text = JSON.stringify(doc.body);
    expect(text).toContain("Tổng số hộ gia đình của thôn: 240 hộ.");
    expect(text).toContain("150 hộ, bằng 62,5% tổng số hộ");
    expect(text).toContain("giơ tay");
    const table = doc.body.find((b) => b.kind === "table");
    // 121 of 240 households: 50,4% of all households, the figure the law's threshold reads (Art. 21.1).
    expect(table).toMatchObject({ rows: [["Đồng ý", "121", "50,4%"], ["Không đồng ý", "20", "8,3%"], ["Ý kiến khác", "9", "3,8%"]] });
  });

  it("render as PDF and DOCX", async () => {
    const doc = ballotCountMinutes(input);
    expect((await renderPdf(doc)).subarray(0, 5).toString()).toBe("%PDF-");
    expect((await renderDocx(doc)).subarray(0, 2).toString()).toBe("PK");
  }, 60_000); // the PDF embeds its fonts
});
