import "server-only";

// GET the ballot-count minutes of a village meeting as DOCX or PDF, for those who may read the
// meeting's minutes: staff, village heads and the Front of its commune.
import { requireCommuneAccess } from "@/lib/auth/authorize";
import { renderDocx } from "@/lib/documents/render-docx";
import { renderPdf } from "@/lib/documents/render-pdf";
import { AppError, notFound, unauthenticated } from "@/lib/errors";
import { errorResponse } from "@/lib/participation/route-errors";
import { MINUTES_READER_ROLES } from "@/lib/participation/vote-roles";

import { ballotCountMinutes } from "./ballot-count-minutes";
import { loadMinutesInput } from "./load-minutes";

const TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
} as const;

export async function handleCountMinutesDownload(userId: string | null, meetingId: string, url: URL): Promise<Response> {
  try {
    if (!userId) throw unauthenticated();
    const communeId = url.searchParams.get("communeId");
    const format = url.searchParams.get("format") ?? "pdf";
    if (!communeId || communeId.length > 40 || meetingId.length > 40) throw new AppError("invalidInput", 400);
    await requireCommuneAccess(userId, communeId, MINUTES_READER_ROLES);
    if (format !== "pdf" && format !== "docx") throw notFound();
    const doc = ballotCountMinutes(await loadMinutesInput(communeId, meetingId));
    const bytes = format === "docx" ? await renderDocx(doc) : await renderPdf(doc);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": TYPES[format],
        "Content-Disposition": `attachment; filename="bien-ban-kiem-phieu-${meetingId}.${format}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error, "meeting.countMinutes");
  }
}
