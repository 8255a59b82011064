import { getSessionUser } from "@/lib/auth/session";
import { loadCasePhoto } from "@/lib/cases/photo-routes";
import { imageResponse } from "@/lib/storage/image-response";

export const dynamic = "force-dynamic";

/** A case photo: anyone's when the case is public, else its sender's and staff's; 404 otherwise. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; photoId: string }> }) {
  const { slug, photoId } = await params;
  const user = await getSessionUser();
  const photo = slug.length <= 60 && photoId.length <= 40 ? await loadCasePhoto(slug, photoId, user?.id ?? null) : null;
  return imageResponse(photo, photo?.isPublic ? "public, max-age=300" : "private, no-store");
}
