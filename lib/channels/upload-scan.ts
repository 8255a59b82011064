// The photo or scan of a paper opinion (a form, a letter from the comment box), uploaded by whoever
// enters it before the opinion names it; stored and stripped of its metadata exactly as a resident's
// opinion photo is (lib/participation/upload-opinion-photo.ts).
import { requireCommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { notFound, unauthenticated } from "@/lib/errors";
import { storeOpinionPhoto } from "@/lib/participation/upload-opinion-photo";
import { assertDeclaredSize } from "@/lib/storage/inspect-upload";

import { CHANNEL_ENTRY_ROLES } from "./roles";

export async function acceptOpinionScan(request: Request, target: { slug: string; consultationId: string }, userId: string | null) {
  if (!userId) throw unauthenticated();
  assertDeclaredSize(request.headers.get("content-length"));
  const commune = await db.commune.findUnique({ where: { slug: target.slug }, select: { id: true } });
  if (!commune) throw notFound();
  const access = await requireCommuneAccess(userId, commune.id, CHANNEL_ENTRY_ROLES, { write: true });
  const consultation = await db.consultation.findFirst({
    where: { id: target.consultationId, communeId: access.communeId, status: { notIn: ["DRAFT", "SCHEDULED"] } },
    select: { id: true },
  });
  if (!consultation) throw notFound("consultationNotFound");
  // No hourly cap as for residents' photos: an officer scans a stack of fifty forms in one sitting.
  return storeOpinionPhoto(request, { communeId: access.communeId, consultationId: consultation.id, userId, actorRole: access.actingRole, action: "opinion.scan" });
}
