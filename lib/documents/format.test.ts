import { describe, expect, it } from "vitest";

import { formatDocumentNumber, formatNumberLine, formatPlaceDate, toVnUpper } from "./format";
import { type Block, recipientLines, signatureFor, withEndMark } from "./model";

// Noon in Vietnam on the given day.
const vn = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 5));

describe("formatPlaceDate (Decree 30: day under 10 and months 1–2 with a leading zero)", () => {
  it.each([
    [vn(2026, 2, 5), "Thiện Tín, ngày 05 tháng 02 năm 2026"],
    [vn(2026, 12, 15), "Thiện Tín, ngày 15 tháng 12 năm 2026"],
    [vn(2026, 1, 9), "Thiện Tín, ngày 09 tháng 01 năm 2026"],
    [vn(2026, 3, 1), "Thiện Tín, ngày 01 tháng 3 năm 2026"],
    [vn(2026, 10, 10), "Thiện Tín, ngày 10 tháng 10 năm 2026"],
    [vn(2026, 2, 28), "Thiện Tín, ngày 28 tháng 02 năm 2026"],
  ])("%s → %s", (date, expected) => {
    expect(formatPlaceDate("Thiện Tín", date)).toBe(expected);
  });

  it("uses the date in Vietnam, not the server's: 31 Dec 20:00 UTC is already 1 January there", () => {
    expect(formatPlaceDate("Thiện Tín", new Date(Date.UTC(2025, 11, 31, 20)))).toBe("Thiện Tín, ngày 01 tháng 01 năm 2026");
    expect(formatPlaceDate("Thiện Tín", new Date(Date.UTC(2026, 2, 4, 16, 59)))).toBe("Thiện Tín, ngày 04 tháng 3 năm 2026");
  });

  it("leaves the day and month blank on an unsigned draft", () => {
    expect(formatPlaceDate("Thiện Tín", null, 2026)).toBe("Thiện Tín, ngày      tháng      năm 2026");
  });
});

describe("document numbers", () => {
  it("pads numbers under 10 and joins the type and issuer codes", () => {
    expect(formatDocumentNumber(5, "BC")).toBe("05/BC-UBND");
    expect(formatDocumentNumber(9, "TB")).toBe("09/TB-UBND");
    expect(formatDocumentNumber(10, "BC")).toBe("10/BC-UBND");
    expect(formatDocumentNumber(123, "KH")).toBe("123/KH-UBND");
    expect(formatDocumentNumber(1, "BB", "HĐND")).toBe("01/BB-HĐND");
  });

  it("refuses a number that is not a positive integer", () => {
    expect(() => formatDocumentNumber(0, "BC")).toThrow(RangeError);
    expect(() => formatDocumentNumber(2.5, "BC")).toThrow(RangeError);
  });

  it("prints the number line, with room for the number on a draft", () => {
    expect(formatNumberLine("05/BC-UBND", "BC")).toBe("Số: 05/BC-UBND");
    expect(formatNumberLine(null, "TB")).toBe("Số:      /TB-UBND");
  });
});

describe("the fixed parts of a document", () => {
  it("writes Vietnamese capitals", () => {
    expect(toVnUpper("xã Thiện Tín")).toBe("XÃ THIỆN TÍN");
  });

  it("signs on behalf of the committee as chair, or for the chair as vice-chair", () => {
    expect(signatureFor("CHAIR", "Nguyễn Văn A").authorityLines).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    expect(signatureFor("VICE_CHAIR", "Trần Thị B").authorityLines).toEqual(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    expect(signatureFor("VICE_CHAIR", "Trần Thị B", { collective: true }).authorityLines).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
  });

  it("ends each recipient with ';' and the last with '.'", () => {
    expect(recipientLines(["Thường trực HĐND xã;", "UBMTTQ Việt Nam xã", "Lưu: VT, VP"])).toEqual(["- Thường trực HĐND xã;", "- UBMTTQ Việt Nam xã;", "- Lưu: VT, VP."]);
  });

  it("puts the end mark right after the last word", () => {
    const ending = (body: Block[]) => JSON.stringify(withEndMark(body).at(-1));
    expect(ending([{ kind: "paragraph", content: ["Trên đây là báo cáo của UBND xã."] }])).toContain("báo cáo của UBND xã./.");
    expect(ending([{ kind: "paragraph", content: ["Đề nghị ", { text: "xem xét", bold: true }] }])).toContain('"text":"xem xét./."');
    expect(withEndMark([{ kind: "bullets", items: [["Một"]] }]).at(-1)).toEqual({ kind: "paragraph", content: ["./."] });
  });
});
