import { requireCommuneAccess } from "@/lib/auth/authorize";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";
import { getCommuneBySlugOrThrow } from "@/lib/communes/get-commune";
import { assertSameOrigin, errorResponse } from "@/lib/disclosure/http";
import { savePostingPhoto } from "@/lib/disclosure/posting-photo";
import { invalid, unauthenticated } from "@/lib/errors";
import { assertDeclaredSize } from "@/lib/storage/inspect-upload";

export const dynamic = "force-dynamic";

/** Staff upload the photo of a notice-board posting (multipart, field "file"); answers its id. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    assertSameOrigin(request);
    const commune = await getCommuneBySlugOrThrow((await params).slug);
    const user = await getSessionUser();
    if (!user) throw unauthenticated();
    const access = await requireCommuneAccess(user.id, commune.id, STAFF_ROLES, { write: true });
    assertDeclaredSize(request.headers.get("content-length"));
    const file = (await request.formData().catch(() => null))?.get("file");
    if (!(file instanceof File)) throw invalid("uploadMissing", {}, { file: "uploadMissing" });
    const photo = await savePostingPhoto(access, { name: file.name, data: Buffer.from(await file.arrayBuffer()) });
    return Response.json(photo, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
