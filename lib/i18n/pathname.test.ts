import { describe, expect, it } from "vitest";

import { getPathname } from "./pathname";

describe("getPathname", () => {
  it("leaves Vietnamese addresses without a prefix and puts English ones under /en", () => {
    expect(getPathname({ href: "/thien-tin/consultations/abc", locale: "vi" })).toBe("/thien-tin/consultations/abc");
    expect(getPathname({ href: "/thien-tin/consultations/abc", locale: "en" })).toBe("/en/thien-tin/consultations/abc");
    expect(getPathname({ href: "/sign-in?callbackUrl=%2Fx", locale: "en" })).toBe("/en/sign-in?callbackUrl=%2Fx");
  });

  it("maps the home page to / and /en", () => {
    expect(getPathname({ href: "/", locale: "vi" })).toBe("/");
    expect(getPathname({ href: "/", locale: "en" })).toBe("/en");
  });
});
