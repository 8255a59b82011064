import { describe, expect, it } from "vitest";

import { measureText } from "./fonts";
import { HEADER_COLUMNS, mmToPt, SIZE, TEXT_WIDTH_MM } from "./layout";
import { MOTTO, NATIONAL_NAME } from "./model";

describe("the Decree 30 header fits its columns", () => {
  const right = mmToPt(TEXT_WIDTH_MM) * HEADER_COLUMNS[1];
  const left = mmToPt(TEXT_WIDTH_MM) * HEADER_COLUMNS[0];

  it("sets the national name and the motto on one line each", () => {
    expect(measureText(NATIONAL_NAME, SIZE.nationalName, "bold")).toBeLessThan(right);
    expect(measureText(MOTTO, SIZE.motto, "bold")).toBeLessThan(right);
  });

  it("sets the issuer's lines of a commune with a long name on one line each", () => {
    expect(measureText("ỦY BAN NHÂN DÂN", SIZE.issuer, "bold")).toBeLessThan(left);
    expect(measureText("XÃ NGHĨA HÀNH", SIZE.issuer, "bold")).toBeLessThan(left);
  });
});
