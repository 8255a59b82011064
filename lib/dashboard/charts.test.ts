import { describe, expect, it } from "vitest";

import { renderBarChart } from "./charts";

describe("server-drawn charts", () => {
  it("draws an SVG with a decal pattern per series, labels and escaped names, hidden from screen readers (the figure names it)", () => {
    const svg = renderBarChart({ categories: ["Phú Khương", "Thôn <b>x</b>"], series: [{ name: "Ý kiến", data: [12, 3] }, { name: "Hội nghị", data: [1, 0] }], horizontal: true });
    expect(svg.startsWith('<svg aria-hidden="true" focusable="false" width="100%" style="max-width:640px;height:auto" ')).toBe(true);
    expect(svg).toContain('viewBox="0 0 640 ');
    expect(svg).toContain("<pattern");
    expect(svg).toContain("Phú Khương");
    expect(svg).toContain(">12<");
    expect(svg).not.toContain("<b>");
    expect(svg).not.toContain("<script");
  });
});
