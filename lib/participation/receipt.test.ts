import { describe, expect, it } from "vitest";

import { generateReceiptCode, normaliseReceiptCode, RECEIPT_PATTERN } from "./receipt";

describe("receipt codes", () => {
  it("are three groups of four unambiguous characters", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateReceiptCode();
      expect(code).toMatch(RECEIPT_PATTERN);
      expect(code).not.toMatch(/[ILOU]/);
    }
  });

  it("do not repeat (60 random bits)", () => {
    const codes = new Set(Array.from({ length: 20_000 }, generateReceiptCode));
    expect(codes.size).toBe(20_000);
  });

  it("use every character of the alphabet, evenly enough to be random", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4000; i++) for (const c of generateReceiptCode().replace(/-/g, "")) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(32);
    // 48,000 characters over 32 symbols: 1,500 each on average.
    for (const n of counts.values()) expect(n).toBeGreaterThan(1200);
  });

  it("read back what people type: case, spaces, dashes and look-alike letters", () => {
    const code = generateReceiptCode();
    expect(normaliseReceiptCode(code.toLowerCase().replace(/-/g, " "))).toBe(code);
    expect(normaliseReceiptCode("7kq2 m9xd 4twr")).toBe("7KQ2-M9XD-4TWR");
    expect(normaliseReceiptCode("OIL0-0000-0000")).toBe("0110-0000-0000");
  });

  it("refuse what cannot be a code", () => {
    expect(normaliseReceiptCode("")).toBeNull();
    expect(normaliseReceiptCode("7KQ2-M9XD-4TW")).toBeNull();
    expect(normaliseReceiptCode("7KQ2-M9XD-4TWRR")).toBeNull();
    expect(normaliseReceiptCode("7KQ2-M9XD-4TWU")).toBeNull();
    expect(normaliseReceiptCode("'; DROP TABLE--")).toBeNull();
  });
});
