import { requireCommuneAccess } from "@/lib/auth/authorize";
import { getSessionUser } from "@/lib/auth/session";
import { AppError, notFound, unauthenticated } from "@/lib/errors";
import { errorResponse } from "@/lib/participation/route-errors";
import { readMinutes } from "@/lib/participation/upload-minutes";
import { MINUTES_READER_ROLES } from "@/lib/participation/vote-roles";
import { getStorage } from "@/lib/storage/storage";

export const dynamic = "force-dynamic";

/** The minutes of a village meeting, for staff, village heads and the Front of its commune. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await getSessionUser();
    if (!user) throw unauthenticated();
    const { id } = await params;
    const communeId = new URL(request.url).searchParams.get("communeId");
    if (!communeId || communeId.length > 40 || id.length > 40) throw new AppError("invalidInput", 400);
    await requireCommuneAccess(user.id, communeId, MINUTES_READER_ROLES);
    const minutes = await readMinutes(communeId, id);
    const data = await getStorage().get(minutes.storageKey);
    if (!data) throw notFound();
    return new Response(new Uint8Array(data), {
      headers: {
        "Content-Type": minutes.mimeType,
        "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(minutes.fileName)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, "minutes.read");
  }
}
