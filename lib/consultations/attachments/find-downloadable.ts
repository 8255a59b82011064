import { requireCommuneAccess } from "@/lib/auth/authorize";
import { FRONT_ROLES, STAFF_AREA_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";

import { PUBLIC_STATUSES } from "../get-consultation";

/**
 * Who may download a consultation's attachment: anyone while its consultation is public and the file
 * has not been withdrawn (an opinion's photo: while its opinion is shown); otherwise the commune's
 * staff, village heads and Front reviewers only. For
 * everyone else it does not exist (null, a 404), so other communes learn nothing of it.
 */
export async function findDownloadableAttachment(attachmentId: string, getUserId: () => Promise<string | null>) {
  const a = await db.attachment.findFirst({
    where: { id: attachmentId, consultationId: { not: null }, kind: { in: ["DOCUMENT", "IMAGE", "OPINION_PHOTO"] } },
    select: {
      id: true,
      communeId: true,
      fileName: true,
      mimeType: true,
      sizeBytes: true,
      sha256: true,
      storageKey: true,
      removedAt: true,
      kind: true,
      consultation: { select: { status: true } },
      opinionWithPhoto: { select: { moderationState: true } },
    },
  });
  if (!a) return null;
  const shown = a.kind !== "OPINION_PHOTO" || a.opinionWithPhoto?.moderationState === "VISIBLE";
  if (a.removedAt === null && shown && a.consultation && PUBLIC_STATUSES.includes(a.consultation.status)) return { attachment: a, isPublic: true };
  const userId = await getUserId();
  if (!userId) return null;
  try {
    await requireCommuneAccess(userId, a.communeId, [...STAFF_AREA_ROLES, ...FRONT_ROLES]);
    return { attachment: a, isPublic: false };
  } catch (error) {
    if (isAppError(error) && error.status === 403) return null;
    throw error;
  }
}
