import { uploadRoute } from "@/lib/api/upload-route";
import { getSessionUser } from "@/lib/auth/session";
import { assertSameOrigin, errorResponse } from "@/lib/disclosure/http";
import { acceptWorkPhotoUpload } from "@/lib/works/photos";

export const dynamic = "force-dynamic";

/** Staff upload a photo before posting a work's milestone (multipart "file"); answers its id. */
export const POST = uploadRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  try {
    assertSameOrigin(request);
    const user = await getSessionUser();
    const photo = await acceptWorkPhotoUpload(request, (await params).slug, user?.id ?? null);
    return Response.json(photo, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
});
