import { describe, expect, it } from "vitest";

import { MAX_WORDS } from "@/lib/disclosure/loudspeaker-text";
import { measureText } from "@/lib/disclosure/vi-numbers";

import { conferenceLoudspeakerText } from "./loudspeaker";

const base = {
  communeName: "Thiện Tín",
  title: "Đối thoại về nước sạch",
  startsAt: new Date("2027-03-15T08:30:00+07:00"),
  place: "Hội trường UBND xã",
  onlineLink: null,
  topics: "Tiến độ cấp nước\nGiá nước",
  villages: ["Phú Khương", "Tân Phú 1"],
  isCommuneWide: false,
};

describe("the loudspeaker text of a conference", () => {
  it("says when, where, about what and for whom, in spoken words", () => {
    const text = conferenceLoudspeakerText(base);
    expect(text).toContain("Thời gian: 8 giờ 30, ngày 15 tháng 3 năm 2027.");
    expect(text).toContain("Địa điểm: Hội trường Ủy ban nhân dân xã.");
    expect(text).toContain("Nội dung đối thoại: Tiến độ cấp nước; Giá nước.");
    expect(text).toContain("Nhân dân thôn Phú Khương và thôn Tân Phú 1");
    expect(text).not.toContain("trực tuyến theo đường liên kết");
  });

  it("mentions online attendance and cuts topics to stay short enough to read", () => {
    const topics = Array.from({ length: 40 }, (_, i) => `Nội dung số ${i + 1} về việc đầu tư xây dựng công trình hạ tầng của thôn`).join("\n");
    const text = conferenceLoudspeakerText({ ...base, onlineLink: "https://example.org/hop", topics, isCommuneWide: true });
    expect(text).toContain("dự trực tuyến");
    expect(text).toContain("các nội dung khác đăng trên trang lấy ý kiến trực tuyến của xã");
    expect(text).toContain("Nhân dân toàn xã");
    expect(measureText(text).words).toBeLessThanOrEqual(MAX_WORDS);
  });
});
