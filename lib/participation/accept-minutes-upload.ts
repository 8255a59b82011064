// The minutes upload as the route receives it (multipart: communeId, consultationId, file). Who is
// asking is settled before a byte of the body is read, and the body is read with a cap that holds
// whatever Content-Length says (or does not say, for a chunked body).
import { z } from "zod";

import { requireCommuneAccess } from "@/lib/auth/authorize";
import { loadMemberships } from "@/lib/auth/memberships";
import { AppError, forbidden, isAppError, unauthenticated } from "@/lib/errors";
import { parseMultipart, readLimitedBody } from "@/lib/storage/read-upload";

import { uploadMinutes } from "./upload-minutes";
import { ENTRY_ROLES } from "./vote-roles";

const fields = z.object({ communeId: z.string().min(1).max(40), consultationId: z.string().min(1).max(40) });

export async function acceptMinutesUpload(request: Request, userId: string | null) {
  if (!userId) throw unauthenticated();
  // Our page names the commune in the address (?communeId=) so that the full check runs first; another
  // client that names it only in the form must at least enter votes somewhere before it is read.
  const named = new URL(request.url).searchParams.get("communeId");
  if (named) await requireCommuneAccess(userId, named, ENTRY_ROLES, { write: true });
  else if (!(await loadMemberships(userId)).some((m) => m.status === "VERIFIED" && ENTRY_ROLES.includes(m.role))) throw forbidden();

  const form = await parseMultipart(await readLimitedBody(request), request.headers.get("content-type")).catch((error: unknown) => {
    throw isAppError(error) && error.status === 413 ? error : new AppError("invalidInput", 400);
  });
  const parsed = fields.safeParse({ communeId: form.get("communeId"), consultationId: form.get("consultationId") });
  if (!parsed.success || (named && named !== parsed.data.communeId)) throw new AppError("invalidInput", 400);
  const access = await requireCommuneAccess(userId, parsed.data.communeId, ENTRY_ROLES, { write: true });
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("minutesRequired", 422, {}, { minutesId: "minutesRequired" });
  return uploadMinutes(access, { consultationId: parsed.data.consultationId, fileName: file.name, data: Buffer.from(await file.arrayBuffer()) });
}
