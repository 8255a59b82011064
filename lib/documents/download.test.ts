import { describe, expect, it } from "vitest";

import { documentResponse, isDocumentFormat } from "./download";

describe("a document download", () => {
  it("takes docx and pdf as formats, and nothing an object carries by inheritance", () => {
    expect(["docx", "pdf"].every(isDocumentFormat)).toBe(true);
    // `value in {…}` took these (they come from Object.prototype) and the notice route then rendered "toString".
    expect(["toString", "constructor", "__proto__", "valueOf", "PDF", ""].some(isDocumentFormat)).toBe(false);
  });

  it("is an attachment of its type and length, cached only when public", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.7 thử");
    const response = documentResponse(bytes, "pdf", "bao-cao-05-BC-UBND.pdf", { isPublic: true });
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-disposition": 'attachment; filename="bao-cao-05-BC-UBND.pdf"',
      "content-length": String(bytes.byteLength),
      "cache-control": "public, max-age=300",
      "x-content-type-options": "nosniff",
    });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    expect(documentResponse(bytes, "docx", "du-thao.docx").headers.get("cache-control")).toBe("private, no-store");
  });
});
