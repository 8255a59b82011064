import { uploadRoute } from "@/lib/api/upload-route";
import { getSessionUser } from "@/lib/auth/session";
import { assertSameOrigin, errorResponse } from "@/lib/disclosure/http";
import { acceptSupervisionPhotoUpload } from "@/lib/supervision/photo-routes";

export const dynamic = "force-dynamic";

/** A member of an active supervision board uploads a site-visit photo (multipart "file"), metadata stripped; answers its id. */
export const POST = uploadRoute(async (request: Request, { params }: { params: Promise<{ slug: string; boardId: string }> }) => {
  try {
    assertSameOrigin(request);
    const user = await getSessionUser();
    const { slug, boardId } = await params;
    const photo = await acceptSupervisionPhotoUpload(request, slug, boardId, user?.id ?? null);
    return Response.json(photo, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
});
