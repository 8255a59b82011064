import { describe, expect, it } from "vitest";

import { escapeLike, toSearchKey } from "./search-key";

describe("toSearchKey", () => {
  it("drops Vietnamese tone and vowel marks and maps đ to d", () => {
    expect(toSearchKey("Đường liên thôn Phú Khương")).toBe("duong lien thon phu khuong");
    expect(toSearchKey("Quy hoạch sử dụng đất")).toBe("quy hoach su dung dat");
  });

  it("lets a search typed without diacritics or in capitals find the text", () => {
    const text = toSearchKey("Nâng cấp ĐƯỜNG ĐH.53");
    expect(text.includes(toSearchKey("duong"))).toBe(true);
    expect(text.includes(toSearchKey("DUONG dh.53"))).toBe(true);
    expect(text.includes(toSearchKey("nang cap"))).toBe(true);
  });

  it("treats precomposed and decomposed input alike and collapses spaces", () => {
    const decomposed = "Hương  ước".normalize("NFD"); // as some keyboards and old systems store it
    expect(decomposed).not.toBe("Hương  ước".normalize("NFC"));
    expect(toSearchKey(decomposed)).toBe("huong uoc");
    expect(toSearchKey("Hương ước".normalize("NFC"))).toBe("huong uoc");
    expect(toSearchKey("  a \n b ")).toBe("a b");
  });
});

describe("escapeLike", () => {
  it("escapes LIKE wildcards so that user input matches literally", () => {
    expect(escapeLike("50%_a\\b")).toBe("50\\%\\_a\\\\b");
  });
});
