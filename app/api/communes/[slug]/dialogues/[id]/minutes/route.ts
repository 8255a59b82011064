import { uploadRoute } from "@/lib/api/upload-route";
import { getSessionUser } from "@/lib/auth/session";
import { assertSameOrigin } from "@/lib/disclosure/http";
import { acceptConferenceMinutes, loadConferenceMinutes } from "@/lib/dialogues/minutes-route";
import { errorResponse } from "@/lib/participation/route-errors";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string; id: string }> };

/** Staff upload the signed minutes of a conference (multipart, field "file"); answers { id, fileName }. */
export const POST = uploadRoute(async (request: Request, { params }: Params) => {
  try {
    assertSameOrigin(request);
    const { slug, id } = await params;
    const user = await getSessionUser();
    const saved = await acceptConferenceMinutes(request, slug, id, user?.id ?? null);
    return Response.json(saved, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "dialogue.minutes.upload");
  }
});

/** The signed minutes: public once the results are published, before that for staff and the Front. */
export const GET = uploadRoute(async (request: Request, { params }: Params) => {
  try {
    const { slug, id } = await params;
    const user = await getSessionUser();
    const minutes = await loadConferenceMinutes(slug, id, user?.id ?? null);
    return new Response(new Uint8Array(minutes.data), {
      headers: {
        "Content-Type": minutes.mimeType,
        "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(minutes.fileName)}`,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'",
        "Cache-Control": minutes.isPublic ? "public, max-age=300" : "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, "dialogue.minutes.read");
  }
});
