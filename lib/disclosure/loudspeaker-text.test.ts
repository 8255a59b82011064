import { describe, expect, it } from "vitest";

import { endOfDayVn, startOfDayVn } from "@/lib/consultations/periods";

import { type LoudspeakerInput, MAX_SECONDS, MAX_WORDS, composeLoudspeakerText, spokenDate, toSpoken } from "./loudspeaker-text";
import { measureText } from "./vi-numbers";

const road: LoudspeakerInput = {
  communeName: "Thiện Tín",
  title: "Nâng cấp, mở rộng tuyến đường liên thôn Phú Khương – Long Bình – Tân Hòa",
  summary:
    "UBND xã dự kiến nâng cấp 3,2 km đường liên thôn từ 3,5 m lên 5,5 m mặt đường bê tông, có rãnh thoát nước hai bên. Xin ý kiến Nhân dân về hướng tuyến, phần đất hiến và thời gian thi công.",
  matterKind: "CONSULTATION",
  commentStartsAt: startOfDayVn("2026-12-05"),
  commentEndsAt: endOfDayVn("2027-01-03"),
  postingStartsAt: startOfDayVn("2026-12-05"),
  postingEndsAt: endOfDayVn("2027-01-03"),
  villages: ["Phú Khương", "Long Bình", "Tân Hòa"],
  channels: ["WEB", "MEETING", "ASSISTED", "COMMENT_BOX"],
  questions: [],
  noticeBoards: ["Trụ sở UBND xã", "Nhà văn hóa thôn Long Bình"],
};

describe("spokenDate", () => {
  it("speaks the Vietnam calendar date without leading zeros", () => {
    expect(spokenDate(startOfDayVn("2026-12-05"))).toBe("ngày 5 tháng 12 năm 2026");
    // 23:30 on 31 December UTC is already 1 January in Vietnam.
    expect(spokenDate(new Date("2026-12-31T23:30:00Z"))).toBe("ngày 1 tháng 1 năm 2027");
  });
});

describe("toSpoken", () => {
  it("writes out abbreviations and units, and leaves words that only contain them alone", () => {
    expect(toSpoken("UBND xã, HĐND xã và UBMTTQVN xã; MTTQ")).toBe("Ủy ban nhân dân xã, Hội đồng nhân dân xã và Ủy ban Mặt trận Tổ quốc xã; Mặt trận Tổ quốc");
    expect(toSpoken("4.800 m², 6,8 ha, 3,2 km, rộng 13 m, 70%")).toBe("4.800 mét vuông, 6,8 héc-ta, 3,2 ki-lô-mét, rộng 13 mét, 70 phần trăm");
    expect(toSpoken("mặt đường, ha ha, km nào")).toBe("mặt đường, ha ha, km nào");
  });
});

describe("composeLoudspeakerText", () => {
  it("says what, when, where, who and how, in plain spoken Vietnamese", () => {
    const out = composeLoudspeakerText(road);
    expect(out.paragraphs[0]).toBe("Thông báo của Ủy ban nhân dân xã Thiện Tín.");
    expect(out.text).toContain("lấy ý kiến Nhân dân về: Nâng cấp, mở rộng tuyến đường liên thôn Phú Khương – Long Bình – Tân Hòa.");
    expect(out.text).toContain("Ủy ban nhân dân xã dự kiến nâng cấp 3,2 ki-lô-mét đường liên thôn từ 3,5 mét lên 5,5 mét mặt đường");
    expect(out.text).toContain("có rãnh thoát nước hai bên. Xin ý kiến Nhân dân về hướng tuyến");
    expect(out.text).toContain("Thời gian nhận ý kiến từ ngày 5 tháng 12 năm 2026 đến hết ngày 3 tháng 1 năm 2027.");
    expect(out.text).toContain("Phạm vi: các thôn Phú Khương, Long Bình và Tân Hòa.");
    expect(out.text).toContain("Bà con có thể tham gia bằng các cách: góp ý trên trang lấy ý kiến trực tuyến của xã; phát biểu tại hội nghị thôn; đến trụ sở xã nhờ cán bộ ghi giúp; bỏ thư vào hòm thư góp ý ở trụ sở xã.");
    expect(out.text).toContain("niêm yết tại Trụ sở Ủy ban nhân dân xã và Nhà văn hóa thôn Long Bình.");
    expect(out.text).not.toMatch(/UBND|\bkm\b/);
    expect(out.paragraphs.at(-1)).toBe("Ủy ban nhân dân xã Thiện Tín trân trọng thông báo.");
    expect(out.isShortened).toBe(false);
  });

  it("stays under two minutes at a slow pace, and its figures are what the text measures", () => {
    const out = composeLoudspeakerText(road);
    expect(measureText(out.text)).toEqual({ words: out.words, spokenWords: out.spokenWords });
    expect(out.words).toBeLessThanOrEqual(MAX_WORDS);
    expect(out.seconds).toBeLessThanOrEqual(MAX_SECONDS);
    expect(out.seconds).toBe(Math.ceil((out.spokenWords / 125) * 60));
    expect(out.seconds).toBeLessThan(120);
    // Numbers are read aloud: more spoken words than written ones.
    expect(out.spokenWords).toBeGreaterThan(out.words);
  });

  it("is the same text every time for the same publication", () => {
    expect(composeLoudspeakerText(road).text).toBe(composeLoudspeakerText({ ...road }).text);
  });

  it("fits the longest publication the forms allow, dropping the least needed parts first", () => {
    const longest: LoudspeakerInput = {
      ...road,
      title: "Dự án đầu tư xây dựng công trình ".repeat(7).trim(),
      summary: Array.from({ length: 12 }, (_, i) => `Câu tóm tắt thứ ${i + 1} nói về quy mô, kinh phí 9,6 tỷ đồng và thời gian thi công năm 2027.`).join(" "),
      villages: ["Bàn Thới", "Ngọc Sơn", "Phú Khương", "Phú Thọ", "Long Bình", "Tân Phú 1", "Tân Phú 2", "Tân Hòa", "Đồng Miếu", "Trũng Kè 1", "Trũng Kè 2", "Thiên Xuân", "Nguyên Hòa", "Đồng Giữa", "Nhơn Lộc 1", "Nhơn Lộc 2", "Khánh Giang", "Trường Lệ"],
      channels: ["WEB", "PAPER", "MEETING", "ASSISTED", "COMMENT_BOX", "HOTLINE", "FRONT", "CONFERENCE"],
      questions: ["Ông/bà có đồng ý với phương án tuyến đường không? ".repeat(8), "Ông/bà có đồng ý hiến đất không?"],
      noticeBoards: ["Trụ sở UBND xã", "Nhà văn hóa thôn Bàn Thới", "Nhà văn hóa thôn Ngọc Sơn", "Nhà văn hóa thôn Phú Thọ"],
    };
    const out = composeLoudspeakerText(longest);
    expect(out.isShortened).toBe(true);
    expect(out.words).toBeLessThanOrEqual(MAX_WORDS);
    expect(out.seconds).toBeLessThanOrEqual(MAX_SECONDS);
    expect(out.seconds).toBeLessThan(120);
    // What residents must know survives: the period, the scope and how to take part.
    expect(out.text).toContain("Thời gian nhận ý kiến từ ngày 5 tháng 12 năm 2026");
    expect(out.text).toMatch(/Phạm vi: /);
    expect(out.text).toMatch(/Bà con có thể tham gia/);
    // A sentence of the summary is either whole or absent, never cut in the middle.
    for (const m of out.text.matchAll(/Câu tóm tắt thứ \d+[^.]*\./g)) expect(m[0]).toMatch(/năm 2027\.$/);
  });

  it("asks households to vote on a decision and reads the question", () => {
    const out = composeLoudspeakerText({
      ...road,
      matterKind: "DECISION",
      title: "Dự thảo Hương ước thôn Tân Phú 1",
      summary: "",
      villages: ["Tân Phú 1"],
      channels: ["MEETING"],
      questions: ["Hộ gia đình có đồng ý thông qua dự thảo Hương ước không?"],
      noticeBoards: [],
    });
    expect(out.text).toContain("đưa ra để Nhân dân bàn và quyết định nội dung: Dự thảo Hương ước thôn Tân Phú 1.");
    expect(out.text).toContain("Đề nghị đại diện các hộ gia đình tham gia bàn bạc và biểu quyết. Nội dung hỏi ý kiến: Hộ gia đình có đồng ý thông qua dự thảo Hương ước không?");
    expect(out.text).toContain("Phạm vi: thôn Tân Phú 1.");
    expect(out.text).toContain("Bà con tham gia bằng cách phát biểu tại hội nghị thôn.");
    expect(out.text).toContain("Toàn văn được đăng trên trang lấy ý kiến trực tuyến của xã.");
  });

  it("names villages that already say what they are without repeating it", () => {
    const out = composeLoudspeakerText({ ...road, villages: ["Thôn Phú Lâm Đông", "Thôn Xuân Đình"] });
    expect(out.text).toContain("Phạm vi: Thôn Phú Lâm Đông và Thôn Xuân Đình.");
    expect(composeLoudspeakerText({ ...road, villages: null }).text).toContain("Phạm vi: toàn xã.");
  });
});
