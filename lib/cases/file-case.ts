// Filing a case: the one way a petition, feedback, complaint or denunciation enters the commune's
// books, whoever files it — a resident on the web, staff for a caller or visitor, the citizen
// reception desk, a letter, an Open311 client. In ONE transaction: number, case, photos, first update,
// audit event, the filer following it and the sender's inbox entry; text messages leave after commit.
//
// ─── For the other engineers (Open311, citizen reception) ────────────────────────────────────────
//
//   fileCase(filer: CaseFiler, input: CaseIntake & { receivedAt?: Date | null },
//            options?: { photos?: NewCasePhoto[]; now?: Date })
//     → Promise<{ id, number, kind, isPublic, replyDueAt, expectedResolvedAt }>
//
//   filer  = { communeId, userId, actorRole, source }
//            WEB:        userId = the resident's account (filedById); call after requireCommuneAccess(…, ["RESIDENT"]).
//            STAFF | RECEPTION | PAPER: userId = the official entering it (enteredById); senderName required.
//            OPEN311:    userId = the account the client acts for, or null; input.externalClientId = the client's id.
//            actorRole is what the audit log records ("RESIDENT", "STAFF", "LEADER", "OPEN311"…).
//            The CALLER checks authorization; fileCase checks everything about the input.
//   input  = see caseIntakeSchema (./schemas.ts): kind, categoryId (required for PETITION/FEEDBACK),
//            title, body, isPublic, lat/lng (both or neither, within the commune), address, villageId,
//            senderName/senderPhone/senderAddress, notifyBySms, photoIds (uploaded earlier with
//            uploadCasePhoto by the same user), handlerId (staff only), isComplex, externalClientId,
//            receivedAt (staff entering a letter received earlier; default now).
//   photos = raw image bytes to clean (EXIF stripped) and attach, e.g. an Open311 "media" upload.
//   Throws AppError: 422 with field keys (errors.cases.json) on bad input, nothing written.
//
// Classification rules (./classification.ts): complaints and denunciations are never public; a
// denouncer's identity is visible to the handling official only. Clocks (./clocks.ts): first clock per
// kind (Law 42/2013 Art. 28; Law on Complaints 2011 Art. 27; Law on Denunciations 2018 Art. 24), the
// commune's expected resolution date from the category.
import { STAFF_ROLES } from "@/lib/auth/roles";
import { type Bounds, boundsOf, widenBounds } from "@/lib/consultations/geometry";
import { db, type Tx } from "@/lib/db";
import { invalid } from "@/lib/errors";
import type { CaseSource } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";
import { vnDate } from "@/lib/participation/record-vote";
import { readSettings } from "@/lib/settings";

import { publicFor } from "./classification";
import { expectedResolvedAt, firstDueAt } from "./clocks";
import { expirePublicCases } from "./public-cache";
import { checkOwnUnusedPhotos, cleanCasePhotos, type NewCasePhoto, storeCasePhotos } from "./photos";
import { type CaseIntake, caseIntakeSchema, type CaseIntakeValues, STAFF_SOURCES } from "./schemas";
import { tellSender } from "./tell-sender";

export type CaseFiler = {
  communeId: string;
  userId: string | null;
  actorRole: string | null;
  source: CaseSource;
};

export type FiledCase = {
  id: string;
  number: number;
  kind: CaseIntakeValues["kind"];
  isPublic: boolean;
  replyDueAt: Date;
  expectedResolvedAt: Date | null;
};

/** Turns zod issues into the field → message key map forms show. */
export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "form");
    fields[key] ??= issue.message;
  }
  return fields;
}

const inBounds = ([minLng, minLat, maxLng, maxLat]: Bounds, lat: number, lng: number) => lng >= minLng && lng <= maxLng && lat >= minLat && lat <= maxLat;

/** The next case number of the commune (a counter row of its own, locked for the transaction). */
export async function nextCaseNumber(tx: Tx, communeId: string): Promise<number> {
  const counter = await tx.caseCounter.upsert({
    where: { communeId },
    create: { communeId, last: 1 },
    update: { last: { increment: 1 } },
    select: { last: true },
  });
  return counter.last;
}

/** Whether `userId` is a verified staff member (STAFF, LEADER, ADMIN) of the commune: who may handle a case. */
/** Who may handle a case: a verified official of the commune (staff, leader, administrator). */
const caseOfficialWhere = (communeId: string) => ({ communeId, status: "VERIFIED" as const, role: { in: STAFF_ROLES } });

export async function isCaseOfficial(communeId: string, userId: string): Promise<boolean> {
  const found = await db.membership.findFirst({ where: { ...caseOfficialWhere(communeId), userId }, select: { id: true } });
  return found !== null;
}

/** The officials a case may be given to, each once. */
export function listCaseOfficials(communeId: string) {
  return db.membership.findMany({ where: caseOfficialWhere(communeId), select: { userId: true, user: { select: { name: true } } }, distinct: ["userId"] });
}

export async function fileCase(filer: CaseFiler, input: CaseIntake & { receivedAt?: Date | null }, options: { photos?: NewCasePhoto[]; now?: Date } = {}): Promise<FiledCase> {
  const now = options.now ?? new Date();
  const parsed = caseIntakeSchema.safeParse(input);
  if (!parsed.success) throw invalid("caseInvalid", {}, fieldErrors(parsed.error.issues));
  const values = parsed.data;
  const byStaff = (STAFF_SOURCES as readonly string[]).includes(filer.source);

  if (filer.source === "WEB" && !filer.userId) throw invalid("caseInvalid");
  if (byStaff && (!filer.userId || !values.senderName)) throw invalid("senderNameRequired", {}, { senderName: "senderNameRequired" });
  if (values.handlerId && !byStaff) throw invalid("caseInvalid", {}, { handlerId: "handlerInvalid" });
  const receivedAt = byStaff && input.receivedAt ? input.receivedAt : now;
  if (receivedAt.getTime() > now.getTime() + 60_000) throw invalid("dateInFuture", {}, { receivedAt: "dateInFuture" });

  const commune = await db.commune.findUnique({ where: { id: filer.communeId }, select: { id: true, boundary: true, centerLat: true, centerLng: true, settings: true } });
  if (!commune) throw invalid("caseInvalid");
  const settings = readSettings(commune.settings);

  const category = values.categoryId
    ? await db.caseCategory.findFirst({ where: { id: values.categoryId, communeId: commune.id, active: true }, select: { id: true, expectedResolutionDays: true } })
    : null;
  if (values.categoryId && !category) throw invalid("unknownCategory", {}, { categoryId: "unknownCategory" });

  if (values.villageId) {
    const village = await db.village.findFirst({ where: { id: values.villageId, communeId: commune.id }, select: { id: true } });
    if (!village) throw invalid("unknownVillage", {}, { villageId: "unknownVillage" });
  }
  if (values.lat !== null && values.lng !== null) {
    const bounds: Bounds = commune.boundary ? boundsOf(commune.boundary as never) : [commune.centerLng, commune.centerLat, commune.centerLng, commune.centerLat];
    if (!inBounds(widenBounds(bounds, settings.geometryReachKm), values.lat, values.lng)) throw invalid("pinOutsideCommune", {}, { lat: "pinOutsideCommune" });
  }
  if (values.handlerId && !(await isCaseOfficial(commune.id, values.handlerId))) throw invalid("handlerInvalid", {}, { handlerId: "handlerInvalid" });
  await checkOwnUnusedPhotos(db, commune.id, filer.userId, values.photoIds);

  // A resident's own account supplies the sender: their name, and their phone for texts.
  let { senderName, senderPhone } = values;
  if (filer.source === "WEB" && filer.userId) {
    const user = await db.user.findUniqueOrThrow({ where: { id: filer.userId }, select: { name: true, phone: true } });
    senderName ??= user.name;
    senderPhone ??= user.phone;
  }
  if (values.notifyBySms && !senderPhone) throw invalid("smsNeedsPhone", {}, { senderPhone: "smsNeedsPhone" });

  const isPublic = publicFor(values.kind, values.isPublic);
  const replyDueAt = firstDueAt(values.kind, receivedAt, settings.extraHolidays);
  const expected = expectedResolvedAt(receivedAt, category?.expectedResolutionDays);
  const photos = await cleanCasePhotos(options.photos ?? []);

  const filed = await db.$transaction(async (tx) => {
    const number = await nextCaseNumber(tx, commune.id);
    const filedById = filer.source === "WEB" || filer.source === "OPEN311" ? filer.userId : null;
    const created = await tx.case.create({
      data: {
        communeId: commune.id,
        number,
        categoryId: category?.id ?? null,
        kind: values.kind,
        state: "RECEIVED",
        title: values.title,
        body: values.body,
        isPublic,
        lat: values.lat,
        lng: values.lng,
        address: values.address,
        villageId: values.villageId,
        source: filer.source,
        filedById,
        enteredById: byStaff ? filer.userId : null,
        senderName,
        senderPhone,
        senderAddress: values.senderAddress,
        notifyBySms: values.notifyBySms,
        handlerId: values.handlerId,
        receivedAt,
        replyDueAt,
        isComplex: values.kind === "COMPLAINT" && values.isComplex,
        expectedResolvedAt: expected,
        externalClientId: values.externalClientId,
      },
      select: { id: true, communeId: true, number: true, kind: true, title: true, isPublic: true, filedById: true, senderPhone: true, notifyBySms: true },
    });
    await tx.caseUpdate.create({ data: { communeId: commune.id, caseId: created.id, authorId: filer.userId, isPublic, body: "", toState: "RECEIVED" } });
    const stored = await storeCasePhotos(tx, commune.id, filer.userId ?? `open311:${values.externalClientId ?? "anonymous"}`, photos);
    for (const attachmentId of [...values.photoIds, ...stored]) {
      await tx.casePhoto.create({ data: { communeId: commune.id, caseId: created.id, updateId: null, attachmentId } });
    }
    if (filedById) await tx.caseFollow.create({ data: { userId: filedById, caseId: created.id, communeId: commune.id } });
    await appendAudit(tx, {
      communeId: commune.id,
      actorId: filer.userId,
      actorRole: filer.actorRole,
      action: "case.file",
      entityType: "Case",
      entityId: created.id,
      // The sender is never in the audit record: a denouncer's identity stays with the case.
      after: { kind: values.kind, title: values.title, body: values.body, isPublic, categoryId: category?.id ?? null, lat: values.lat, lng: values.lng },
      // The public log does not tell that a complaint or denunciation was filed, nor by which way.
      details: isPublic || values.kind === "PETITION" || values.kind === "FEEDBACK" ? { number, kind: values.kind, source: filer.source } : { number },
    });
    await tellSender(tx, created, "caseReceived", { due: vnDate(replyDueAt) });
    return created;
  });
  expirePublicCases();
  return { id: filed.id, number: filed.number, kind: filed.kind, isPublic: filed.isPublic, replyDueAt, expectedResolvedAt: expected };
}
