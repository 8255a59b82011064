import { getSessionUser } from "@/lib/auth/session";
import { assertSameOrigin, errorResponse } from "@/lib/disclosure/http";
import { acceptPostingPhotoUpload } from "@/lib/disclosure/posting-photo";
import { uploadRoute } from "@/lib/api/upload-route";

export const dynamic = "force-dynamic";

/** Staff upload the photo of a notice-board posting (multipart, field "file"); answers its id. */
export const POST = uploadRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  try {
    assertSameOrigin(request);
    const user = await getSessionUser();
    const photo = await acceptPostingPhotoUpload(request, (await params).slug, user?.id ?? null);
    return Response.json(photo, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
});
