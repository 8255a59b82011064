import { describe, expect, it } from "vitest";

import { formatPhone, isEmail, normalizePhone } from "./phone";

describe("normalizePhone", () => {
  it("keeps one form of a Vietnamese mobile number however it is typed", () => {
    for (const typed of ["0912 345 678", "0912.345.678", "+84 912 345 678", "84912345678", "(091) 234-5678"]) {
      expect(normalizePhone(typed)).toBe(typed === "(091) 234-5678" ? "+84912345678" : "+84912345678");
    }
  });

  it("refuses what is not a mobile number", () => {
    for (const typed of ["912345678", "0212345678", "091234567", "09123456789", "hello", ""]) expect(normalizePhone(typed)).toBeNull();
  });

  it("formats for staff screens", () => {
    expect(formatPhone("+84912345678")).toBe("0912 345 678");
  });

  it("tells emails apart", () => {
    expect(isEmail("canbo@thientin.danban.local")).toBe(true);
    expect(isEmail("0912345678")).toBe(false);
  });
});
