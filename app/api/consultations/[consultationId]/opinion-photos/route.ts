import { errorResponse, requestLocale } from "@/lib/api/error-response";
import { getSessionUser } from "@/lib/auth/session";
import { assertSameOrigin } from "@/lib/disclosure/http";
import { acceptOpinionPhoto } from "@/lib/participation/upload-opinion-photo";
import { uploadRoute } from "@/lib/api/upload-route";

export const dynamic = "force-dynamic";

/** A verified resident uploads the photo of an opinion (?commune=<id>); the opinion names it after. */
export const POST = uploadRoute(async (request: Request, { params }: { params: Promise<{ consultationId: string }> }) => {
  const locale = requestLocale(request);
  try {
    // Only this site's own pages upload (a form elsewhere could post multipart with the user's cookies).
    assertSameOrigin(request);
    const { consultationId } = await params;
    const communeId = new URL(request.url).searchParams.get("commune") ?? "";
    const user = await getSessionUser();
    const saved = await acceptOpinionPhoto(request, { communeId, consultationId }, user?.id ?? null);
    return Response.json(saved, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, locale, "upload opinion photo");
  }
});
