import { getSessionUser } from "@/lib/auth/session";
import { acceptOpinionScan } from "@/lib/channels/upload-scan";
import { assertSameOrigin, errorResponse } from "@/lib/disclosure/http";
import { uploadRoute } from "@/lib/api/upload-route";

export const dynamic = "force-dynamic";

/** Staff, village heads and the Front upload the scan of a paper opinion (multipart, field "file"); answers its id. */
export const POST = uploadRoute(async (request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) => {
  try {
    assertSameOrigin(request);
    const { slug, id } = await params;
    const user = await getSessionUser();
    const scan = await acceptOpinionScan(request, { slug, consultationId: id }, user?.id ?? null);
    return Response.json(scan, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
});
