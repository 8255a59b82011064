import { describe, expect, it } from "vitest";

import { delayAfterFailures, FREE_FAILURES, MAX_DELAY_SECONDS } from "./sign-in-delay";

describe("the wait after wrong passwords", () => {
  it("costs nothing for the first five, then doubles from one second, never past a minute", () => {
    expect(delayAfterFailures(FREE_FAILURES)).toBe(0);
    expect(delayAfterFailures(FREE_FAILURES + 1)).toBe(1);
    expect(delayAfterFailures(FREE_FAILURES + 2)).toBe(2);
    expect(delayAfterFailures(FREE_FAILURES + 6)).toBe(32);
    expect(delayAfterFailures(FREE_FAILURES + 7)).toBe(MAX_DELAY_SECONDS);
    expect(delayAfterFailures(10_000)).toBe(MAX_DELAY_SECONDS);
  });
});
