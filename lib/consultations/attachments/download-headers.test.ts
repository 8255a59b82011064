import { describe, expect, it } from "vitest";

import { contentDisposition, downloadHeaders } from "./download-headers";

describe("download headers", () => {
  it("sends a Vietnamese file name in UTF-8 with an ASCII fallback", () => {
    expect(contentDisposition("Bản vẽ tuyến đường (đợt 1).pdf")).toBe(
      `attachment; filename="Ban ve tuyen duong (dot 1).pdf"; filename*=UTF-8''B%E1%BA%A3n%20v%E1%BA%BD%20tuy%E1%BA%BFn%20%C4%91%C6%B0%E1%BB%9Dng%20%28%C4%91%E1%BB%A3t%201%29.pdf`,
    );
    expect(contentDisposition('a"b\\c.pdf')).toContain('filename="a_b_c.pdf"');
    expect(decodeURIComponent(contentDisposition("Đường.pdf").split("''")[1]!)).toBe("Đường.pdf");
  });

  it("lets caches keep a public file briefly, and a staff-only file never", () => {
    const file = { fileName: "a.pdf", mimeType: "application/pdf", sizeBytes: 10, sha256: "ab" };
    expect(downloadHeaders(file, true)).toMatchObject({ "Content-Type": "application/pdf", "Content-Length": "10", "Cache-Control": "public, max-age=300, must-revalidate", ETag: '"ab"' });
    expect(downloadHeaders(file, false)["Cache-Control"]).toBe("private, no-store");
  });
});
