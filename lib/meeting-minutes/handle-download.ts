import "server-only";

// GET the ballot-count minutes of a village meeting as DOCX or PDF, for those who may read the
// meeting's minutes: staff, village heads and the Front of its commune.
import { requireCommuneAccess } from "@/lib/auth/authorize";
import { documentResponse, isDocumentFormat } from "@/lib/documents/download";
import { renderDocument } from "@/lib/documents/render-cached";
import { AppError, notFound, unauthenticated } from "@/lib/errors";
import { errorResponse } from "@/lib/participation/route-errors";
import { MINUTES_READER_ROLES } from "@/lib/participation/vote-roles";

import { ballotCountMinutes } from "./ballot-count-minutes";
import { loadMinutesInput } from "./load-minutes";


export async function handleCountMinutesDownload(userId: string | null, meetingId: string, url: URL): Promise<Response> {
  try {
    if (!userId) throw unauthenticated();
    const communeId = url.searchParams.get("communeId");
    const format = url.searchParams.get("format") ?? "pdf";
    if (!communeId || communeId.length > 40 || meetingId.length > 40) throw new AppError("invalidInput", 400);
    await requireCommuneAccess(userId, communeId, MINUTES_READER_ROLES);
    if (!isDocumentFormat(format)) throw notFound();
    const doc = ballotCountMinutes(await loadMinutesInput(communeId, meetingId));
    // Minutes are for the commune's officials only: rendered on each request, never stored.
    const bytes = await renderDocument(doc, format, { store: false });
    return documentResponse(bytes, format, `bien-ban-kiem-phieu-${meetingId}.${format}`);
  } catch (error) {
    return errorResponse(error, "meeting.countMinutes");
  }
}
