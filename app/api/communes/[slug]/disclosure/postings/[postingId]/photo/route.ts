import { loadPublicPostingPhoto } from "@/lib/disclosure/posting-photo";
import { imageResponse } from "@/lib/storage/image-response";

export const dynamic = "force-dynamic";

/** The photo of a posting of a published item, for anyone; 404 for any other posting or commune. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; postingId: string }> }) {
  const { slug, postingId } = await params;
  const photo = slug.length <= 60 && postingId.length <= 40 ? await loadPublicPostingPhoto(slug, postingId) : null;
  // A stored photo never changes (a new photo is a new attachment), but a posting may change photo.
  return imageResponse(photo, "public, max-age=3600");
}
