import { getSessionUser } from "@/lib/auth/session";
import { imageResponse } from "@/lib/storage/image-response";
import { loadSupervisionPhoto } from "@/lib/supervision/photos";

export const dynamic = "force-dynamic";

/** A site-visit photo: the board's members, the Front and staff of its commune; 404 for anyone else. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; photoId: string }> }) {
  const { slug, photoId } = await params;
  const user = await getSessionUser();
  const photo = slug.length <= 60 && photoId.length <= 40 ? await loadSupervisionPhoto(slug, photoId, user?.id ?? null) : null;
  return imageResponse(photo, "private, no-store");
}
