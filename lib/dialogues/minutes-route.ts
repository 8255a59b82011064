import "server-only";

// The signed minutes of a conference as the route receives and serves them. Who is asking is settled
// from the address (the commune's slug) before a byte of the body is read; the body is read with a cap.
import { requireCommuneAccess } from "@/lib/auth/authorize";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { AppError, notFound, unauthenticated } from "@/lib/errors";
import { parseMultipart, readLimitedBody } from "@/lib/storage/read-upload";
import { getStorage } from "@/lib/storage/storage";

import { readConferenceMinutes, uploadConferenceMinutes } from "./results";
import { OVERSEE_ROLES, RECORD_ROLES } from "./roles";

async function communeOf(slug: string) {
  const commune = slug.length <= 60 ? await getCommuneBySlug(slug) : null;
  if (!commune) throw notFound("communeNotFound");
  return commune;
}

export async function acceptConferenceMinutes(request: Request, slug: string, conferenceId: string, userId: string | null) {
  if (!userId) throw unauthenticated();
  const commune = await communeOf(slug);
  const access = await requireCommuneAccess(userId, commune.id, RECORD_ROLES, { write: true });
  if (conferenceId.length > 40) throw notFound("dialogueNotFound");
  const form = await parseMultipart(await readLimitedBody(request), request.headers.get("content-type")).catch((error: unknown) => {
    throw error instanceof AppError && error.status === 413 ? error : new AppError("invalidInput", 400);
  });
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("minutesRequired", 422, {}, { file: "minutesRequired" });
  return uploadConferenceMinutes(access, { conferenceId, fileName: file.name, data: Buffer.from(await file.arrayBuffer()) });
}

/** Public once the results are published; before that, staff and the Front of the commune only. */
export async function loadConferenceMinutes(slug: string, conferenceId: string, userId: string | null) {
  const commune = await communeOf(slug);
  if (conferenceId.length > 40) throw notFound();
  const mayOversee = userId
    ? await requireCommuneAccess(userId, commune.id, OVERSEE_ROLES).then(
        () => true,
        () => false,
      )
    : false;
  const minutes = await readConferenceMinutes(commune.id, conferenceId, mayOversee);
  const data = await getStorage().get(minutes.storageKey);
  if (!data) throw notFound();
  return { ...minutes, data, isPublic: !mayOversee };
}
