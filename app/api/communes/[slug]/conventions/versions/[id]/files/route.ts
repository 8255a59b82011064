import { uploadRoute } from "@/lib/api/upload-route";
import { getSessionUser } from "@/lib/auth/session";
import { acceptDossierFile } from "@/lib/conventions/files-route";
import { assertSameOrigin } from "@/lib/disclosure/http";
import { errorResponse } from "@/lib/participation/route-errors";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string; id: string }> };

/** Staff upload a scan of the convention's dossier (multipart: kind, file; Decree 61/2023 Art. 11); answers { id, fileName }. */
export const POST = uploadRoute(async (request: Request, { params }: Params) => {
  try {
    assertSameOrigin(request);
    const { slug, id } = await params;
    const user = await getSessionUser();
    const saved = await acceptDossierFile(request, slug, id, user?.id ?? null);
    return Response.json(saved, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "convention.file.upload");
  }
});
