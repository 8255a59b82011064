// A generated document (DOCX or PDF) served as a download: its formats, their MIME types and the
// response headers, in one place for every route that serves one (report, notice, minutes).
export const DOCUMENT_MIME = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
} as const;

export type DocumentFormat = keyof typeof DOCUMENT_MIME;

/** Own keys only: "toString" or "constructor" in a URL are not formats. */
export const isDocumentFormat = (value: string): value is DocumentFormat => Object.hasOwn(DOCUMENT_MIME, value);

/**
 * The file as an attachment. A public file (a published report or notice) may be cached for a few
 * minutes by browsers and proxies; anything else is private and never stored.
 */
export function documentResponse(bytes: Uint8Array, format: DocumentFormat, fileName: string, options: { isPublic?: boolean } = {}): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": DOCUMENT_MIME[format],
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": options.isPublic ? "public, max-age=300" : "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
