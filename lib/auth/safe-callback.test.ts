import { describe, expect, it } from "vitest";

import { safeCallbackPath } from "./safe-callback";

const ORIGIN = "https://danban.example.vn";

describe("safeCallbackPath", () => {
  it.each([
    "//evil.com",
    "///evil.com",
    "/\\evil.com",
    "\\\\evil.com",
    "/%5Cevil.com",
    "/%5cevil.com",
    "/%2F/evil.com",
    "/%2f%2fevil.com",
    "/%252F%252Fevil.com",
    "/%09/evil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "/%0a/evil.com",
    "https://evil.com",
    "https://evil.com/thien-tin",
    "http://danban.example.vn/x",
    "https://danban.example.vn.evil.com/x",
    "https://danban.example.vn@evil.com/x",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.com",
    "account",
    " //evil.com",
    "",
    null,
    undefined,
  ])("refuses %j", (value) => {
    expect(safeCallbackPath(value, ORIGIN)).toBe("/");
  });

  it.each([
    ["/", "/"],
    ["/thien-tin/account", "/thien-tin/account"],
    ["/en/thien-tin/staff?tab=2", "/en/thien-tin/staff?tab=2"],
    ["/thien-tin/consultations/abc#opinion-form", "/thien-tin/consultations/abc#opinion-form"],
    ["/thien-tin/t%C3%AAn", "/thien-tin/t%C3%AAn"],
    [`${ORIGIN}/thien-tin/account`, "/thien-tin/account"],
  ])("keeps the same-site path %j", (value, expected) => {
    expect(safeCallbackPath(value, ORIGIN)).toBe(expected);
  });

  it("re-serialises what it keeps rather than returning the raw text", () => {
    expect(safeCallbackPath("/a/../b?x=1", ORIGIN)).toBe("/b?x=1");
  });

  it("works without a known origin (the browser-side check)", () => {
    expect(safeCallbackPath("/thien-tin/account")).toBe("/thien-tin/account");
    expect(safeCallbackPath("/%5Cevil.com")).toBe("/");
    expect(safeCallbackPath("https://evil.com")).toBe("/");
  });
});
