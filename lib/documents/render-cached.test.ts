import { describe, expect, it } from "vitest";

import { renderedKey } from "./render-cached";
import { sampleReport } from "./testing/sample-document";

describe("the stored file's key", () => {
  it("is the same for the same document and format, and changes with any part of it", () => {
    const doc = sampleReport();
    expect(renderedKey(doc, "pdf")).toBe(renderedKey(sampleReport(), "pdf"));
    expect(renderedKey(doc, "pdf")).toMatch(/^rendered\/[0-9a-f]{64}\.pdf$/);
    expect(renderedKey(doc, "docx")).not.toBe(renderedKey(doc, "pdf"));
    expect(renderedKey(sampleReport({ numberLabel: "06/BC-UBND" }), "pdf")).not.toBe(renderedKey(doc, "pdf"));
    expect(renderedKey(sampleReport({ subject: `${doc.subject}.` }), "pdf")).not.toBe(renderedKey(doc, "pdf"));
  });
});
