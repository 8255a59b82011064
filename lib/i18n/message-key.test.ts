import { describe, expect, it } from "vitest";

import { decodeMessage, encodeMessage } from "./message-key";

describe("message keys with figures", () => {
  it("round-trip", () => {
    expect(decodeMessage(encodeMessage("periodTooShort", { days: 10, min: 30 }))).toEqual({ key: "periodTooShort", params: { days: 10, min: 30 } });
    expect(decodeMessage(encodeMessage("required"))).toEqual({ key: "required", params: {} });
    expect(decodeMessage("broken|{")).toEqual({ key: "broken", params: {} });
  });
});
