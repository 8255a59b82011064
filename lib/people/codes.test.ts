import { describe, expect, it } from "vitest";

import { generateInviteCode, generateNumericCode, hashCode, INVITE_LENGTH, isSameHash, normalizeInviteCode } from "./codes";

describe("one-time and invitation codes", () => {
  it("makes six-digit codes, leading zeros kept, spread over the whole range", () => {
    const codes = Array.from({ length: 2000 }, () => generateNumericCode());
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(1990);
    expect(codes.some((c) => c.startsWith("0"))).toBe(true);
  });

  it("makes printable invitation codes without look-alike characters", () => {
    const codes = Array.from({ length: 2000 }, () => generateInviteCode());
    expect(codes.every((c) => /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/.test(c))).toBe(true);
    expect(codes.some((c) => /[01OIL]/.test(c))).toBe(false);
    expect(new Set(codes).size).toBe(2000);
    expect(normalizeInviteCode(" k7mq x9pd ")).toBe("K7MQX9PD");
    expect(normalizeInviteCode("K7MQ-X9PD")).toHaveLength(INVITE_LENGTH);
  });

  it("hashes with a key, per phone or commune, and compares in constant time", () => {
    const a = hashCode("secret", "PHONE_VERIFICATION", "+84912345678", "123456");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toContain("123456");
    expect(hashCode("secret", "PHONE_VERIFICATION", "+84912345679", "123456")).not.toBe(a);
    expect(hashCode("other-secret", "PHONE_VERIFICATION", "+84912345678", "123456")).not.toBe(a);
    expect(isSameHash(a, hashCode("secret", "PHONE_VERIFICATION", "+84912345678", "123456"))).toBe(true);
    expect(isSameHash(a, hashCode("secret", "PHONE_VERIFICATION", "+84912345678", "123457"))).toBe(false);
    expect(isSameHash(a, "abc")).toBe(false);
  });
});
