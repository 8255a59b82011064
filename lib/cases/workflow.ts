// The staff workflow of a case: moving it through its states with a dated update (public to the sender
// and, for a public case, to everyone; or a private staff note), the acknowledgement the law asks for
// within the first clock (accepted, needs more time, refused with the reason, transferred to a named
// competent body: Law 42/2013/QH13 Art. 28), naming a handler, reclassifying, merging duplicates.
// Every step is audited in its transaction, and tells the sender (./tell-sender.ts).
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db, type Tx } from "@/lib/db";
import { conflict, invalid, notFound } from "@/lib/errors";
import type { CaseKind, CaseState } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";
import { inviteToRate } from "@/lib/ratings/invite-to-rate";
import { readSettings } from "@/lib/settings";

import { isAlwaysPrivate, publicFor } from "./classification";
import { ACKNOWLEDGING_STATES, expectedResolvedAt, firstDueAt, fixCheckDueAt, resolveDueAt } from "./clocks";
import { isCaseOfficial } from "./file-case";
import { expiringPublicCases } from "./public-cache";
import { checkOwnUnusedPhotos } from "./photos";
import { tellSender } from "./tell-sender";

/** Which state may follow which. REFUSED and TRANSFERRED are final; a RESOLVED case may be reopened. */
export const NEXT_STATES: Record<CaseState, readonly CaseState[]> = {
  RECEIVED: ["CLASSIFIED", "ACCEPTED", "REFUSED", "TRANSFERRED"],
  CLASSIFIED: ["ACCEPTED", "REFUSED", "TRANSFERRED"],
  ACCEPTED: ["IN_PROGRESS", "RESOLVED", "TRANSFERRED"],
  IN_PROGRESS: ["RESOLVED", "TRANSFERRED"],
  RESOLVED: ["IN_PROGRESS"],
  REFUSED: [],
  TRANSFERRED: [],
};

const caseSelect = {
  id: true,
  communeId: true,
  number: true,
  kind: true,
  state: true,
  title: true,
  isPublic: true,
  filedById: true,
  senderPhone: true,
  notifyBySms: true,
  receivedAt: true,
  repliedAt: true,
  acceptedAt: true,
  isComplex: true,
  categoryId: true,
  handlerId: true,
  mergedIntoId: true,
} as const;

async function loadCase(tx: Tx | typeof db, communeId: string, caseId: string) {
  const found = await tx.case.findFirst({ where: { id: caseId, communeId }, select: caseSelect });
  if (!found) throw notFound("caseNotFound");
  return found;
}

async function attachUpdatePhotos(tx: Tx, communeId: string, caseId: string, updateId: string, photoIds: readonly string[]) {
  for (const attachmentId of photoIds) await tx.casePhoto.create({ data: { communeId, caseId, updateId, attachmentId } });
}

export type MoveValues = {
  caseId: string;
  /** The new state; null for an update that changes no state ("needs more time", progress, a note). */
  toState: CaseState | null;
  body: string;
  /** Shown to the sender (and to everyone for a public case); false for a staff note. */
  isPublic: boolean;
  /** A reply template whose text is used when `body` is empty. */
  templateId?: string | null;
  /** Required to refuse (Law 42/2013 Art. 28: refused with the reason). */
  refusalReason?: string | null;
  /** Required to transfer: the competent body it was sent to. */
  transferredTo?: string | null;
  /** This update is the acknowledgement the first clock asks for (e.g. "needs more time"). */
  acknowledges?: boolean;
  photoIds?: readonly string[];
};

/** Moves a case to a new state (or posts an update), with a dated update; audited; the sender told. */
export async function moveCase(access: CommuneAccess, values: MoveValues, now = new Date()) {
  const photoIds = values.photoIds ?? [];
  await checkOwnUnusedPhotos(db, access.communeId, access.userId, photoIds);
  let body = values.body.trim();
  if (!body && values.templateId) {
    const template = await db.caseReplyTemplate.findFirst({ where: { id: values.templateId, communeId: access.communeId, active: true }, select: { body: true } });
    if (!template) throw invalid("unknownTemplate", {}, { templateId: "unknownTemplate" });
    body = template.body;
  }
  const refusalReason = values.refusalReason?.trim() || null;
  const transferredTo = values.transferredTo?.trim() || null;
  if (values.toState === "REFUSED" && (!refusalReason || refusalReason.length < 10)) throw invalid("refusalReasonRequired", {}, { refusalReason: "refusalReasonRequired" });
  if (values.toState === "TRANSFERRED" && (!transferredTo || transferredTo.length < 3)) throw invalid("transferredToRequired", {}, { transferredTo: "transferredToRequired" });
  if (!values.toState && !body) throw invalid("updateBodyRequired", {}, { body: "updateBodyRequired" });

  return expiringPublicCases(db.$transaction(async (tx) => {
    const c = await loadCase(tx, access.communeId, values.caseId);
    if (c.mergedIntoId) throw conflict("caseMerged");
    if (values.toState && !NEXT_STATES[c.state].includes(values.toState)) throw conflict("caseStateNotAllowed", { from: c.state, to: values.toState });
    const to = values.toState;
    const acknowledges = !c.repliedAt && ((to !== null && ACKNOWLEDGING_STATES.includes(to)) || values.acknowledges === true);
    const reopening = c.state === "RESOLVED" && to === "IN_PROGRESS";
    const data = {
      ...(to ? { state: to } : {}),
      ...(acknowledges ? { repliedAt: now } : {}),
      ...(to === "ACCEPTED" ? { acceptedAt: now, resolveDueAt: resolveDueAt(c.kind, now, c.isComplex) } : {}),
      ...(to === "RESOLVED" ? { resolvedAt: now, fixCheckDueAt: fixCheckDueAt(now), fixAskedAt: null, fixAnswer: null, fixAnsweredAt: null } : {}),
      ...(to === "REFUSED" ? { refusalReason } : {}),
      ...(to === "TRANSFERRED" ? { transferredTo } : {}),
      ...(reopening ? { resolvedAt: null, fixCheckDueAt: null, reopenCount: { increment: 1 } } : {}),
    };
    // Compare-and-set on the state read: two officials moving the same case at once cannot both win.
    const { count } = await tx.case.updateMany({ where: { id: c.id, state: c.state }, data });
    if (count !== 1) throw conflict("caseChanged");
    const text = [body, to === "REFUSED" ? refusalReason : null, to === "TRANSFERRED" ? transferredTo : null].filter(Boolean).join("\n\n");
    const update = await tx.caseUpdate.create({
      data: { communeId: c.communeId, caseId: c.id, authorId: access.userId, isPublic: values.isPublic, body: text, fromState: to ? c.state : null, toState: to },
      select: { id: true, createdAt: true },
    });
    await attachUpdatePhotos(tx, c.communeId, c.id, update.id, photoIds);
    await appendAudit(tx, {
      communeId: c.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: to ? "case.move" : "case.update",
      entityType: "Case",
      entityId: c.id,
      before: { state: c.state },
      after: { state: to ?? c.state, body: text, isPublic: values.isPublic },
      details: isAlwaysPrivate(c.kind) ? { number: c.number } : { number: c.number, from: c.state, to: to ?? c.state, acknowledges, photos: photoIds.length },
    });
    // Resolved: the sender is asked to rate how it was handled (Law 10/2022 Art. 35.2.a; lib/ratings),
    // once per case however often it is reopened and resolved again.
    if (to === "RESOLVED" && c.filedById) {
      await inviteToRate(tx, { communeId: c.communeId, subjectType: "CASE", subjectId: c.id, userIds: [c.filedById], category: c.kind ?? "CASE", title: c.title });
    }
    if (values.isPublic) {
      const kind = to ? "caseStateChanged" : "caseUpdated";
      await tellSender(tx, c, kind, { state: to ?? c.state }, { followers: true, exceptUserId: access.userId });
    }
    return { id: update.id, state: to ?? c.state };
  }));
}

/** Names the official handling the case (for a denunciation, the only one to see who sent it). */
export async function assignHandler(access: CommuneAccess, values: { caseId: string; handlerId: string }) {
  if (!(await isCaseOfficial(access.communeId, values.handlerId))) throw invalid("handlerInvalid", {}, { handlerId: "handlerInvalid" });
  return db.$transaction(async (tx) => {
    const c = await loadCase(tx, access.communeId, values.caseId);
    await tx.case.update({ where: { id: c.id }, data: { handlerId: values.handlerId } });
    await appendAudit(tx, {
      communeId: c.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "case.assign",
      entityType: "Case",
      entityId: c.id,
      before: { handlerId: c.handlerId },
      after: { handlerId: values.handlerId },
      details: { number: c.number, handlerById: values.handlerId },
    });
    return { handlerId: values.handlerId };
  });
}

/**
 * Staff reclassify a case: its kind (a "feedback" that is in truth a complaint), category, whether it
 * is public, whether a complaint is complex. The clocks are recomputed from the receipt; a complaint
 * or denunciation becomes private whatever was asked (./classification.ts).
 */
export async function reclassifyCase(access: CommuneAccess, values: { caseId: string; kind: CaseKind; categoryId: string | null; isPublic: boolean; isComplex: boolean }) {
  return expiringPublicCases(db.$transaction(async (tx) => {
    const c = await loadCase(tx, access.communeId, values.caseId);
    const category = values.categoryId
      ? await tx.caseCategory.findFirst({ where: { id: values.categoryId, communeId: access.communeId }, select: { id: true, expectedResolutionDays: true } })
      : null;
    if (values.categoryId && !category) throw invalid("unknownCategory", {}, { categoryId: "unknownCategory" });
    if (!category && !isAlwaysPrivate(values.kind)) throw invalid("categoryRequired", {}, { categoryId: "categoryRequired" });
    const commune = await tx.commune.findUniqueOrThrow({ where: { id: access.communeId }, select: { settings: true } });
    const isComplex = values.kind === "COMPLAINT" && values.isComplex;
    const isPublic = publicFor(values.kind, values.isPublic);
    await tx.case.update({
      where: { id: c.id },
      data: {
        kind: values.kind,
        categoryId: category?.id ?? null,
        isPublic,
        isComplex,
        replyDueAt: firstDueAt(values.kind, c.receivedAt, readSettings(commune.settings).extraHolidays),
        resolveDueAt: c.acceptedAt ? resolveDueAt(values.kind, c.acceptedAt, isComplex) : null,
        expectedResolvedAt: expectedResolvedAt(c.receivedAt, category?.expectedResolutionDays),
        ...(c.state === "RECEIVED" ? { state: "CLASSIFIED" as const } : {}),
      },
    });
    await tx.caseUpdate.create({ data: { communeId: c.communeId, caseId: c.id, authorId: access.userId, isPublic: false, body: "", fromState: c.state, toState: c.state === "RECEIVED" ? "CLASSIFIED" : c.state } });
    await appendAudit(tx, {
      communeId: c.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "case.classify",
      entityType: "Case",
      entityId: c.id,
      before: { kind: c.kind, categoryId: c.categoryId, isPublic: c.isPublic },
      after: { kind: values.kind, categoryId: category?.id ?? null, isPublic, isComplex },
      details: isAlwaysPrivate(values.kind) || isAlwaysPrivate(c.kind) ? { number: c.number } : { number: c.number, kind: values.kind },
    });
    return { kind: values.kind, isPublic };
  }));
}

/**
 * Merges a duplicate into the case kept: the duplicate points to it and leaves the lists, its
 * followers (and its sender, when they have an account) follow the kept case. Only cases of the same
 * kind merge: a complaint is never folded into a public petition.
 */
export async function mergeCases(access: CommuneAccess, values: { caseId: string; intoId: string }) {
  if (values.caseId === values.intoId) throw invalid("mergeSelf", {}, { intoId: "mergeSelf" });
  return expiringPublicCases(db.$transaction(async (tx) => {
    const duplicate = await loadCase(tx, access.communeId, values.caseId);
    const kept = await loadCase(tx, access.communeId, values.intoId);
    if (duplicate.mergedIntoId) throw conflict("caseMerged");
    if (kept.mergedIntoId) throw invalid("mergeIntoMerged", {}, { intoId: "mergeIntoMerged" });
    if (duplicate.kind !== kept.kind) throw invalid("mergeKindsDiffer", {}, { intoId: "mergeKindsDiffer" });
    await tx.case.update({ where: { id: duplicate.id }, data: { mergedIntoId: kept.id } });
    const followers = await tx.caseFollow.findMany({ where: { caseId: duplicate.id }, select: { userId: true } });
    const userIds = new Set(followers.map((f) => f.userId));
    if (duplicate.filedById) userIds.add(duplicate.filedById);
    await tx.caseFollow.createMany({ data: [...userIds].map((userId) => ({ userId, caseId: kept.id, communeId: kept.communeId })), skipDuplicates: true });
    await tx.caseUpdate.create({ data: { communeId: duplicate.communeId, caseId: duplicate.id, authorId: access.userId, isPublic: true, body: `#${kept.number}` } });
    await appendAudit(tx, {
      communeId: duplicate.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "case.merge",
      entityType: "Case",
      entityId: duplicate.id,
      after: { mergedIntoId: kept.id },
      details: { number: duplicate.number, into: kept.number },
    });
    await tellSender(tx, duplicate, "caseMerged", { into: kept.number });
    return { keptNumber: kept.number };
  }));
}

