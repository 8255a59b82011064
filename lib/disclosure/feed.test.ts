import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";

import { endOfDayVn, startOfDayVn } from "@/lib/consultations/periods";

import { type FeedItem, buildAtomFeed } from "./feed";

const ORIGIN = "https://danban.example.vn";
const items: FeedItem[] = [
  {
    kind: "notice",
    id: "n1",
    consultationId: "c1",
    communeSlug: "thien-tin",
    communeName: "Thiện Tín",
    title: "Kết quả lấy ý kiến về tuyến đường",
    text: "UBND xã tiếp thu 12 ý kiến.\n\nĐiều chỉnh cua gấp tại ngã ba chợ.",
    publishedAt: new Date("2027-01-10T02:00:00Z"),
    updatedAt: new Date("2027-01-10T02:00:00Z"),
  },
  {
    kind: "consultation",
    id: "c1",
    communeSlug: "thien-tin",
    communeName: "Thiện Tín",
    title: "Đường <liên thôn> & cầu \"Bàu Sen\" ]]> giai đoạn 2",
    text: "Mở rộng 3,2 km; chi phí <b>9,6 tỷ</b> & hỗ trợ.",
    status: "PUBLISHED",
    matterKind: "CONSULTATION",
    legalCategory: "CONSULTATION_INVESTMENT_PROJECT",
    commentStartsAt: startOfDayVn("2026-12-05"),
    commentEndsAt: endOfDayVn("2027-01-03"),
    publishedAt: new Date("2026-12-04T17:00:00Z"),
    updatedAt: new Date("2026-12-04T17:00:00Z"),
  },
];

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["entry", "link", "category", "author"].includes(name) });

describe("buildAtomFeed", () => {
  const xml = buildAtomFeed({ origin: ORIGIN, commune: { slug: "thien-tin", name: "Thiện Tín" }, items });
  const feed = parser.parse(xml).feed;

  it("is well-formed Atom with a feed id, title, update time and self link", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe("https://danban.example.vn/feed.xml?commune=thien-tin");
    expect(feed.title).toBe("UBND xã Thiện Tín – các nội dung công khai, lấy ý kiến Nhân dân");
    expect(feed.updated).toBe("2027-01-10T02:00:00.000Z");
    expect(feed.link).toEqual(
      expect.arrayContaining([
        { "@rel": "alternate", "@href": "https://danban.example.vn/thien-tin" },
        { "@rel": "self", "@href": "https://danban.example.vn/feed.xml?commune=thien-tin" },
      ]),
    );
  });

  it("gives each entry its permanent address as id, with Vietnamese text kept exactly", () => {
    const [notice, consultation] = feed.entry;
    expect(notice.id).toBe("https://danban.example.vn/thien-tin/disclosure/n1");
    expect(notice.title["#text"]).toBe("Thông báo kết quả: Kết quả lấy ý kiến về tuyến đường");
    expect(consultation.id).toBe("https://danban.example.vn/thien-tin/consultations/c1");
    expect(consultation.link[0]["@href"]).toBe("https://danban.example.vn/thien-tin/consultations/c1");
    expect(consultation.title["#text"]).toBe('Đường <liên thôn> & cầu "Bàu Sen" ]]> giai đoạn 2');
    expect(consultation.updated).toBe("2026-12-04T17:00:00.000Z");
    expect(consultation.published).toBe("2026-12-04T17:00:00.000Z");
    expect(consultation.author[0].name).toBe("UBND xã Thiện Tín");
    expect(consultation.category.map((c: Record<string, string>) => c["@term"])).toEqual(["CONSULTATION", "CONSULTATION_INVESTMENT_PROJECT"]);
  });

  it("escapes what a resident or staff member typed: HTML in a summary stays text", () => {
    const content = feed.entry[1].content["#text"] as string;
    expect(content).toContain("chi phí &lt;b&gt;9,6 tỷ&lt;/b&gt; &amp; hỗ trợ.");
    expect(content).toContain("Thời gian lấy ý kiến: từ 5/12/2026 đến 3/1/2027");
    expect(feed.entry[0].content["#text"]).toBe("<p>UBND xã tiếp thu 12 ý kiến.</p><p>Điều chỉnh cua gấp tại ngã ba chợ.</p>");
  });

  it("has a valid feed for a site with nothing published yet", () => {
    const empty = buildAtomFeed({ origin: ORIGIN, commune: null, items: [], now: new Date("2027-01-01T00:00:00Z") });
    expect(XMLValidator.validate(empty)).toBe(true);
    expect(parser.parse(empty).feed).toMatchObject({ id: "https://danban.example.vn/feed.xml", updated: "2027-01-01T00:00:00.000Z" });
  });
});
