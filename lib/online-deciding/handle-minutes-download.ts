import "server-only";

// GET the minutes of a village's online vote (Decree 59/2023 Art. 5, form 03) as DOCX or PDF: for staff
// and the Front of the commune, and for a village head their own village's.
import { requireCommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { documentResponse, isDocumentFormat } from "@/lib/documents/download";
import { renderDocument } from "@/lib/documents/render-cached";
import { AppError, notFound, unauthenticated } from "@/lib/errors";
import { assertMayEnterFor } from "@/lib/participation/ballot-scope";
import { errorResponse } from "@/lib/participation/route-errors";
import { MINUTES_READER_ROLES } from "@/lib/participation/vote-roles";

import { loadOnlineMinutesInput } from "./load-online-minutes";
import { onlineVoteMinutes } from "./online-vote-minutes";

export async function handleOnlineMinutesDownload(userId: string | null, consultationId: string, url: URL): Promise<Response> {
  try {
    if (!userId) throw unauthenticated();
    const communeId = url.searchParams.get("communeId");
    const villageId = url.searchParams.get("villageId");
    const format = url.searchParams.get("format") ?? "pdf";
    if (!communeId || communeId.length > 40 || consultationId.length > 40) throw new AppError("invalidInput", 400);
    const access = await requireCommuneAccess(userId, communeId, MINUTES_READER_ROLES);
    if (!isDocumentFormat(format)) throw notFound();
    // Another commune's consultation is not found, whatever else the request says.
    if (!(await db.consultation.findFirst({ where: { id: consultationId, communeId }, select: { id: true } }))) throw notFound("consultationNotFound");
    if (!villageId || villageId.length > 40) throw new AppError("invalidInput", 400);
    // The Front supervises every village; a village head reads their own village's minutes only.
    if (!access.roles.includes("FRONT_REVIEWER")) assertMayEnterFor(access, villageId);
    const doc = onlineVoteMinutes(await loadOnlineMinutesInput(communeId, consultationId, villageId));
    // Minutes are for the commune's officials only: rendered on each request, never stored.
    const bytes = await renderDocument(doc, format, { store: false });
    return documentResponse(bytes, format, `bien-ban-bieu-quyet-truc-tuyen-${villageId}.${format}`);
  } catch (error) {
    return errorResponse(error, "onlineDeciding.minutes");
  }
}
