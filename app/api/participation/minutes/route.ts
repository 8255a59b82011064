import { z } from "zod";

import { requireCommuneAccess } from "@/lib/auth/authorize";
import { getSessionUser } from "@/lib/auth/session";
import { assertSameOrigin } from "@/lib/disclosure/http";
import { AppError, unauthenticated } from "@/lib/errors";
import { errorResponse } from "@/lib/participation/route-errors";
import { uploadMinutes } from "@/lib/participation/upload-minutes";
import { ENTRY_ROLES } from "@/lib/participation/vote-roles";
import { assertDeclaredSize } from "@/lib/storage/inspect-upload";

export const dynamic = "force-dynamic";

const fields = z.object({ communeId: z.string().min(1).max(40), consultationId: z.string().min(1).max(40) });

/**
 * Uploads the minutes of a village meeting (multipart: communeId, consultationId, file). Staff, and
 * village heads; the file is judged by its content. Answers { id, fileName }.
 */
export async function POST(request: Request) {
  try {
    // Only this site's own pages upload (a form elsewhere could post multipart with the user's cookies).
    assertSameOrigin(request);
    const user = await getSessionUser();
    if (!user) throw unauthenticated();
    assertDeclaredSize(request.headers.get("content-length"));
    const form = await request.formData().catch(() => {
      throw new AppError("invalidInput", 400);
    });
    const parsed = fields.safeParse({ communeId: form.get("communeId"), consultationId: form.get("consultationId") });
    if (!parsed.success) throw new AppError("invalidInput", 400);
    const access = await requireCommuneAccess(user.id, parsed.data.communeId, ENTRY_ROLES, { write: true });
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("minutesRequired", 422, {}, { minutesId: "minutesRequired" });
    const saved = await uploadMinutes(access, { consultationId: parsed.data.consultationId, fileName: file.name, data: Buffer.from(await file.arrayBuffer()) });
    return Response.json({ id: saved.id, fileName: saved.fileName }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "minutes.upload");
  }
}
