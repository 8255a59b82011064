/** A stored image as a response: inline, sniffing off, nothing else allowed to run from it; 404 text when absent. */
export function imageResponse(photo: { data: Buffer; mimeType: string; fileName: string; sha256: string } | null, cacheControl: string): Response {
  if (!photo) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(photo.data), {
    headers: {
      "Content-Type": photo.mimeType,
      "Content-Length": String(photo.data.length),
      "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(photo.fileName)}`,
      "Cache-Control": cacheControl,
      ETag: `"${photo.sha256}"`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
    },
  });
}
