// The photo routes of cases: upload (a resident before filing, staff before an update) and view. A
// photo is shown to anyone when its case is public (and, for an update's photo, the update is public);
// otherwise to the case's sender and the commune's staff only. Anything else is a 404, the same for
// "no such photo" and "not yours to see".
import { requireCommuneAccess } from "@/lib/auth/authorize";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { getCommuneBySlugOrThrow } from "@/lib/communes/get-commune";
import { db } from "@/lib/db";
import { invalid, unauthenticated } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/rate-limit";
import { assertDeclaredSize } from "@/lib/storage/inspect-upload";
import { parseMultipart, readLimitedBody } from "@/lib/storage/read-upload";
import { getStorage } from "@/lib/storage/storage";

import { publicCaseWhere } from "./classification";
import { uploadCasePhoto } from "./photos";
import { CASE_RESIDENT_ROLES, CASE_STAFF_ROLES } from "./roles";

export async function acceptCasePhotoUpload(request: Request, communeSlug: string, userId: string | null) {
  const commune = await getCommuneBySlugOrThrow(communeSlug);
  if (!userId) throw unauthenticated();
  assertDeclaredSize(request.headers.get("content-length"));
  const access = await requireCommuneAccess(userId, commune.id, [...CASE_STAFF_ROLES, ...CASE_RESIDENT_ROLES], { write: true });
  await consumeRateLimit("photo", userId);
  const form = await parseMultipart(await readLimitedBody(request), request.headers.get("content-type")).catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) throw invalid("uploadMissing", {}, { file: "uploadMissing" });
  return uploadCasePhoto({ communeId: commune.id, userId, actorRole: access.actingRole, photo: { fileName: file.name, data: Buffer.from(await file.arrayBuffer()) } });
}

export async function loadCasePhoto(communeSlug: string, attachmentId: string, viewerId: string | null) {
  const commune = await db.commune.findUnique({ where: { slug: communeSlug }, select: { id: true } });
  if (!commune) return null;
  const photo = await db.casePhoto.findFirst({
    where: { attachmentId, communeId: commune.id },
    select: { caseId: true, update: { select: { isPublic: true } } },
  });
  if (!photo) return null;
  const isPublic = (await db.case.count({ where: { id: photo.caseId, ...publicCaseWhere(commune.id, { includeMerged: true }) } })) > 0 && (photo.update?.isPublic ?? true);
  let visible = isPublic;
  if (!visible && viewerId) {
    const own = await db.case.count({ where: { id: photo.caseId, filedById: viewerId } });
    const staff = await db.membership.count({ where: { userId: viewerId, communeId: commune.id, status: "VERIFIED", role: { in: STAFF_ROLES } } });
    visible = own > 0 || staff > 0;
  }
  if (!visible) return null;
  const attachment = await db.attachment.findFirst({ where: { id: attachmentId, communeId: commune.id, kind: "CASE_PHOTO", removedAt: null }, select: { storageKey: true, mimeType: true, fileName: true, sha256: true } });
  if (!attachment) return null;
  const data = await getStorage().get(attachment.storageKey);
  return data ? { ...attachment, data, isPublic } : null;
}
