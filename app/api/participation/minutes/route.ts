import { getSessionUser } from "@/lib/auth/session";
import { assertSameOrigin } from "@/lib/disclosure/http";
import { acceptMinutesUpload } from "@/lib/participation/accept-minutes-upload";
import { errorResponse } from "@/lib/participation/route-errors";
import { uploadRoute } from "@/lib/api/upload-route";

export const dynamic = "force-dynamic";

/**
 * Uploads the minutes of a village meeting (multipart: communeId, consultationId, file; the page names
 * the commune in ?communeId= too). Staff, and village heads; the file is judged by its content.
 * Answers { id, fileName }.
 */
export const POST = uploadRoute(async (request: Request) => {
  try {
    // Only this site's own pages upload (a form elsewhere could post multipart with the user's cookies).
    assertSameOrigin(request);
    const user = await getSessionUser();
    const saved = await acceptMinutesUpload(request, user?.id ?? null);
    return Response.json({ id: saved.id, fileName: saved.fileName }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "minutes.upload");
  }
});
