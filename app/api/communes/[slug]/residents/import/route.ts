import { getSessionUser } from "@/lib/auth/session";
import { handleListUpload } from "@/lib/people/import/handle-list-upload";
import { uploadRoute } from "@/lib/api/upload-route";

export const dynamic = "force-dynamic";

/** Staff upload the commune's household and resident list: preview, then import (lib/people/import). */
export const POST = uploadRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const user = await getSessionUser();
  return handleListUpload(request, slug, user?.id ?? null);
});
