import { loadPublicPostingPhoto } from "@/lib/disclosure/posting-photo";

export const dynamic = "force-dynamic";

/** The photo of a posting of a published item, for anyone; 404 for any other posting or commune. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; postingId: string }> }) {
  const { slug, postingId } = await params;
  const photo = slug.length <= 60 && postingId.length <= 40 ? await loadPublicPostingPhoto(slug, postingId) : null;
  if (!photo) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(photo.data), {
    headers: {
      "Content-Type": photo.mimeType,
      "Content-Length": String(photo.data.length),
      "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(photo.fileName)}`,
      // A stored photo never changes (a new photo is a new attachment), but a posting may change photo.
      "Cache-Control": "public, max-age=3600",
      ETag: `"${photo.sha256}"`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
    },
  });
}
