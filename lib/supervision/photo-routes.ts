// The upload route of site-visit photos: a signed-in member of the board, in its commune, while the
// board is active; the file's size is checked before it is read, its content before it is stored.
import { requireCommuneAccess } from "@/lib/auth/authorize";
import { getCommuneBySlugOrThrow } from "@/lib/communes/get-commune";
import { invalid, unauthenticated } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/rate-limit";
import { assertDeclaredSize } from "@/lib/storage/inspect-upload";
import { parseMultipart, readLimitedBody } from "@/lib/storage/read-upload";

import { requireActiveMember } from "./board-access";
import { uploadSupervisionPhoto } from "./photos";
import { MEMBER_GATE_ROLES } from "./roles";
import { db } from "@/lib/db";

export async function acceptSupervisionPhotoUpload(request: Request, communeSlug: string, boardId: string, userId: string | null) {
  const commune = await getCommuneBySlugOrThrow(communeSlug);
  if (!userId) throw unauthenticated();
  assertDeclaredSize(request.headers.get("content-length"));
  const access = await requireCommuneAccess(userId, commune.id, MEMBER_GATE_ROLES, { write: true });
  await requireActiveMember(db, access, boardId.slice(0, 40));
  await consumeRateLimit("photo", userId);
  const form = await parseMultipart(await readLimitedBody(request), request.headers.get("content-type")).catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) throw invalid("uploadMissing", {}, { file: "uploadMissing" });
  return uploadSupervisionPhoto(access, boardId, { fileName: file.name, data: Buffer.from(await file.arrayBuffer()) });
}
