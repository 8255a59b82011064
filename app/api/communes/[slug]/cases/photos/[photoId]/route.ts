import { getSessionUser } from "@/lib/auth/session";
import { loadCasePhoto } from "@/lib/cases/photo-routes";

export const dynamic = "force-dynamic";

/** A case photo: anyone's when the case is public, else its sender's and staff's; 404 otherwise. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; photoId: string }> }) {
  const { slug, photoId } = await params;
  const user = await getSessionUser();
  const photo = slug.length <= 60 && photoId.length <= 40 ? await loadCasePhoto(slug, photoId, user?.id ?? null) : null;
  if (!photo) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(photo.data), {
    headers: {
      "Content-Type": photo.mimeType,
      "Content-Length": String(photo.data.length),
      "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(photo.fileName)}`,
      "Cache-Control": photo.isPublic ? "public, max-age=300" : "private, no-store",
      ETag: `"${photo.sha256}"`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
    },
  });
}
