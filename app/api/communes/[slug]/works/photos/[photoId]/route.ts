import { getSessionUser } from "@/lib/auth/session";
import { imageResponse } from "@/lib/storage/image-response";
import { loadWorkPhoto } from "@/lib/works/photos";

export const dynamic = "force-dynamic";

/** A work milestone's photo: anyone's once the work is published, staff's before; 404 otherwise. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; photoId: string }> }) {
  const { slug, photoId } = await params;
  const user = await getSessionUser();
  const photo = slug.length <= 60 && photoId.length <= 40 ? await loadWorkPhoto(slug, photoId, user?.id ?? null) : null;
  return imageResponse(photo, photo?.isPublic ? "public, max-age=300" : "private, no-store");
}
