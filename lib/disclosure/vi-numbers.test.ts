import { describe, expect, it } from "vitest";

import { measureText, readInteger, spokenWordsOf } from "./vi-numbers";

describe("readInteger", () => {
  it("reads numbers the Vietnamese way", () => {
    expect(readInteger(0)).toBe("không");
    expect(readInteger(5)).toBe("năm");
    expect(readInteger(10)).toBe("mười");
    expect(readInteger(15)).toBe("mười lăm");
    expect(readInteger(21)).toBe("hai mươi mốt");
    expect(readInteger(25)).toBe("hai mươi lăm");
    expect(readInteger(105)).toBe("một trăm linh năm");
    expect(readInteger(1100)).toBe("một nghìn một trăm");
    expect(readInteger(1005)).toBe("một nghìn không trăm linh năm");
    expect(readInteger(2026)).toBe("hai nghìn không trăm hai mươi sáu");
    expect(readInteger(1_000_000)).toBe("một triệu");
    expect(readInteger(9_600_000_000)).toBe("chín tỷ sáu trăm triệu");
  });
});

describe("spoken words", () => {
  it("counts numbers as they are read aloud", () => {
    expect(spokenWordsOf("2026")).toBe(7);
    expect(spokenWordsOf("4.800")).toBe(4); // bốn nghìn tám trăm
    expect(spokenWordsOf("3,2")).toBe(3); // ba phẩy hai
    expect(spokenWordsOf("70%")).toBe(4); // bảy mươi phần trăm
    expect(spokenWordsOf("1/500")).toBe(4); // một / năm trăm
    expect(spokenWordsOf("đường")).toBe(1);
    expect(spokenWordsOf("ki-lô-mét")).toBe(3);
    expect(spokenWordsOf("–")).toBe(0);
  });

  it("measures a sentence with a spoken date", () => {
    expect(measureText("Từ ngày 5 tháng 12 năm 2026 – hết hạn.")).toEqual({ words: 9, spokenWords: 16 });
  });
});
