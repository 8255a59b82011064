import { uploadRoute } from "@/lib/api/upload-route";
import { getSessionUser } from "@/lib/auth/session";
import { acceptCasePhotoUpload } from "@/lib/cases/photo-routes";
import { assertSameOrigin, errorResponse } from "@/lib/disclosure/http";

export const dynamic = "force-dynamic";

/** A resident (before filing) or staff (before an update) upload a case photo (multipart "file"); answers its id. */
export const POST = uploadRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  try {
    assertSameOrigin(request);
    const user = await getSessionUser();
    const photo = await acceptCasePhotoUpload(request, (await params).slug, user?.id ?? null);
    return Response.json(photo, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
});
