// Headers of a file download: the right type, a file name that survives every browser (an ASCII
// fallback and the UTF-8 name, RFC 6266 / RFC 5987), and caching that matches who may see it.

/** "Bản vẽ tuyến.pdf" → ASCII "Ban ve tuyen.pdf" for old clients, UTF-8 for the rest. */
export function contentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/[đĐ]/g, (c) => (c === "đ" ? "d" : "D"))
      .replace(/[^\x20-\x7e]/g, "_")
      .replace(/["\\]/g, "_") || "tep";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function downloadHeaders(file: { fileName: string; mimeType: string; sizeBytes: number; sha256: string }, isPublic: boolean): Record<string, string> {
  return {
    "Content-Type": file.mimeType,
    "Content-Length": String(file.sizeBytes),
    "Content-Disposition": contentDisposition(file.fileName),
    // A file never changes under its id, but a public one may be withdrawn: caches keep it briefly
    // and ask again. A file only staff may see is never stored by a shared cache.
    "Cache-Control": isPublic ? "public, max-age=300, must-revalidate" : "private, no-store",
    ETag: `"${file.sha256}"`,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
  };
}
