import { describe, expect, it } from "vitest";

import { findMatches, highlight, snippet } from "./highlight";

const marked = (parts: { text: string; hit: boolean }[] | null) => parts?.map((p) => (p.hit ? `[${p.text}]` : p.text)).join("") ?? null;

describe("highlight", () => {
  it("marks the words as written, found without diacritics or case", () => {
    expect(marked(highlight("Xây dựng khu tái định cư Đồng Giữa", "tai dinh cu dong giua"))).toBe("Xây dựng khu [tái định cư Đồng Giữa]");
    expect(marked(highlight("Đường liên thôn, ĐƯỜNG nội đồng", "duong"))).toBe("[Đường] liên thôn, [ĐƯỜNG] nội đồng");
  });

  it("matches across a line break or several spaces, as the search key does", () => {
    expect(findMatches("khu tái\n\n định  cư", "tai dinh cu")).toEqual([[4, 18]]);
  });

  it("keeps the marks of text stored decomposed with the letter they belong to", () => {
    const decomposed = "tái định cư".normalize("NFD");
    expect(marked(highlight(decomposed, "dinh"))!.normalize("NFC")).toBe("tái [định] cư");
  });

  it("finds nothing for an empty query", () => {
    expect(highlight("abc", "  ")).toEqual([{ text: "abc", hit: false }]);
  });
});

describe("snippet", () => {
  const long = `${"Mở đầu dài dòng. ".repeat(20)}Phương án bồi thường, hỗ trợ tái định cư cho các hộ bị thu hồi đất. ${"Phần kết thúc. ".repeat(20)}`;

  it("cuts a passage around the first match at spaces, with an ellipsis where cut", () => {
    const parts = snippet(["Tóm tắt không có từ khóa.", long], "tai dinh cu", 40)!;
    const text = marked(parts)!;
    expect(text).toContain("[tái định cư]");
    expect(text.startsWith("…")).toBe(true);
    expect(text.endsWith("…")).toBe(true);
    // Whole words only at both ends.
    expect(text).toMatch(/^…\S/);
    expect(text.length).toBeLessThan(140);
  });

  it("takes the first text that contains the words, or none", () => {
    expect(marked(snippet(["Không có", "Có đèn đường ở thôn"], "den duong"))).toBe("Có [đèn đường] ở thôn");
    expect(snippet(["Không có"], "den duong")).toBeNull();
  });
});
