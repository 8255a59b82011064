import "server-only";

// The dossier's scans as the routes receive and serve them. Who is asking is settled from the address
// (the commune's slug) before a byte of the body is read; the body is read with a cap. The scans carry
// signatures: staff, leaders, the Front and village heads of the commune read them, nobody else.
import { requireCommuneAccess } from "@/lib/auth/authorize";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { db } from "@/lib/db";
import { AppError, notFound, unauthenticated } from "@/lib/errors";
import { parseMultipart, readLimitedBody } from "@/lib/storage/read-upload";
import { getStorage } from "@/lib/storage/storage";

import { uploadDossierFile } from "./life";
import { CLOCK_ROLES, RECORD_ROLES } from "./roles";

const KINDS = ["REQUEST", "MINUTES", "ADOPTED_TEXT"] as const;

async function communeOf(slug: string) {
  const commune = slug.length <= 60 ? await getCommuneBySlug(slug) : null;
  if (!commune) throw notFound("communeNotFound");
  return commune;
}

export async function acceptDossierFile(request: Request, slug: string, versionId: string, userId: string | null) {
  if (!userId) throw unauthenticated();
  const commune = await communeOf(slug);
  const access = await requireCommuneAccess(userId, commune.id, RECORD_ROLES, { write: true });
  if (versionId.length > 40) throw notFound("conventionNotFound");
  const form = await parseMultipart(await readLimitedBody(request), request.headers.get("content-type")).catch((error: unknown) => {
    throw error instanceof AppError && error.status === 413 ? error : new AppError("invalidInput", 400);
  });
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("conventionFileRequired", 422, {}, { file: "conventionFileRequired" });
  const kind = String(form.get("kind") ?? "REQUEST");
  if (!(KINDS as readonly string[]).includes(kind)) throw new AppError("invalidInput", 400);
  return uploadDossierFile(access, { versionId, kind: kind as (typeof KINDS)[number], fileName: file.name, data: Buffer.from(await file.arrayBuffer()) });
}

export async function loadDossierFile(slug: string, fileId: string, userId: string | null) {
  if (!userId) throw unauthenticated();
  const commune = await communeOf(slug);
  await requireCommuneAccess(userId, commune.id, CLOCK_ROLES);
  if (fileId.length > 40) throw notFound();
  const file = await db.conventionFile.findFirst({ where: { id: fileId, communeId: commune.id }, select: { attachmentId: true } });
  if (!file) throw notFound();
  const attachment = await db.attachment.findFirst({ where: { id: file.attachmentId, communeId: commune.id }, select: { fileName: true, mimeType: true, storageKey: true } });
  if (!attachment) throw notFound();
  const data = await getStorage().get(attachment.storageKey);
  if (!data) throw notFound();
  return { ...attachment, data };
}
