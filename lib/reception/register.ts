// The reception register (sổ tiếp công dân, Decree 154/2026 Mẫu 03/TCD): sessions of the desk and the
// visits recorded in them. Every write is audited in its transaction. ID numbers are shown in full to
// staff and leaders only, and every such read of an entry is itself an audit event; lists show the
// last three digits; the Front never sees an ID number, nor the identity of a denouncer (Law 25/2018
// Art. 4, Law 10/2022 Art. 9.2).
import type { CommuneAccess } from "@/lib/auth/authorize";
import { fileCase } from "@/lib/cases/file-case";
import { startOfDayVn, toVnDate } from "@/lib/consultations/periods";
import { db, type Tx } from "@/lib/db";
import { forbidden, invalid, notFound } from "@/lib/errors";
import type { CaseKind } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";

import { ID_READER_ROLES, readsIds, REGISTER_KEEPER_ROLES } from "./roles";
import { maskIdNumber, REPRESENTATIVES_ARTICLE, representativesRange } from "./rules";
import { readSchedule } from "./schedule";
import type { OpenSessionValues, VisitValues } from "./schemas";

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const keeps = (access: CommuneAccess) => access.roles.some((r) => REGISTER_KEEPER_ROLES.includes(r));

export async function openSession(access: CommuneAccess, input: OpenSessionValues): Promise<{ id: string }> {
  if (!keeps(access)) throw forbidden();
  const host = await db.membership.findFirst({
    where: { communeId: access.communeId, userId: input.hostId, status: "VERIFIED", role: { in: ["LEADER", "STAFF"] } },
    orderBy: { role: "asc" },
    select: { role: true, title: true, user: { select: { name: true } } },
  });
  if (!host) throw invalid("receptionHostInvalid", {}, { hostId: "receptionHostInvalid" });
  const place = input.place ?? (await readSchedule(access.communeId)).place;
  return db.$transaction(async (tx) => {
    const session = await tx.receptionSession.create({
      data: {
        communeId: access.communeId,
        heldOn: asDate(input.heldOn),
        hostId: input.hostId,
        hostName: host.user.name,
        hostTitle: host.title,
        isHeadSession: host.role === "LEADER",
        place,
        recordedById: access.userId,
      },
      select: { id: true },
    });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "reception.session.open",
      entityType: "ReceptionSession",
      entityId: session.id,
      after: { heldOn: input.heldOn, hostId: input.hostId, place },
      details: { heldOn: input.heldOn, isHeadSession: host.role === "LEADER" },
    });
    return session;
  });
}

async function nextVisitNumber(tx: Tx, communeId: string): Promise<number> {
  const counter = await tx.receptionCounter.upsert({ where: { communeId }, create: { communeId, last: 1 }, update: { last: { increment: 1 } }, select: { last: true } });
  return counter.last;
}

/** Law 42/2013 Art. 29: 5–10 people name one or two representatives, more than 10 at most five. */
export function checkRepresentatives(peopleCount: number, representatives: readonly string[]): void {
  const range = representativesRange(peopleCount);
  if (!range) return;
  if (representatives.length < range.min || representatives.length > range.max) {
    throw invalid("receptionRepresentatives", { people: peopleCount, min: range.min, max: range.max, article: REPRESENTATIVES_ARTICLE }, { representatives: "receptionRepresentatives" });
  }
}

type CaseFrom = { summary: string; kind: CaseKind; visitorName: string; visitorAddress: string; visitedAt: Date; categoryId: string | null };

/** Files the case of a visit (lib/cases fileCase, source RECEPTION, the official as filer). */
function fileVisitCase(access: CommuneAccess, visit: CaseFrom) {
  const firstLine = visit.summary.split("\n")[0]!.trim();
  const title = firstLine.length > 120 ? `${firstLine.slice(0, 117)}…` : firstLine;
  return fileCase(
    { communeId: access.communeId, userId: access.userId, actorRole: access.actingRole, source: "RECEPTION" },
    {
      kind: visit.kind,
      categoryId: visit.categoryId,
      title: title.length >= 3 ? title : visit.summary.slice(0, 120),
      body: visit.summary,
      isPublic: false,
      senderName: visit.visitorName,
      senderAddress: visit.visitorAddress,
      receivedAt: visit.visitedAt,
    },
  );
}

const visitAudit = (v: Omit<VisitValues, "communeId" | "openCase" | "categoryId">) => ({
  // The ID number is never copied into the audit record: only whether there is one.
  ...{ ...v, idNumber: undefined },
  hasIdNumber: v.idNumber !== null,
});

/**
 * Records a visit in the register; with `openCase`, files its case in the same step (the case is
 * filed first, so a case the cases domain refuses leaves no register line either).
 */
export async function recordVisit(access: CommuneAccess, input: VisitValues, now = new Date()): Promise<{ id: string; number: number; caseId: string | null; caseNumber: number | null }> {
  if (!keeps(access)) throw forbidden();
  const session = await db.receptionSession.findFirst({ where: { id: input.sessionId, communeId: access.communeId }, select: { id: true, heldOn: true } });
  if (!session) throw notFound("receptionSessionNotFound");
  checkRepresentatives(input.peopleCount, input.representatives);
  const heldOn = session.heldOn.toISOString().slice(0, 10);
  if (heldOn > toVnDate(now)) throw invalid("receptionSessionInFuture");
  if (input.bookingId) {
    const booking = await db.receptionBooking.findFirst({ where: { id: input.bookingId, communeId: access.communeId, day: session.heldOn, cancelledAt: null }, select: { id: true } });
    if (!booking) throw invalid("receptionBookingNotFound", {}, { bookingId: "receptionBookingNotFound" });
  }
  const visitedAt = heldOn === toVnDate(now) ? now : startOfDayVn(heldOn);
  const filed = input.openCase ? await fileVisitCase(access, { ...input, visitedAt }) : null;

  const { communeId: _c, openCase: _o, categoryId: _cat, ...fields } = input;
  return db.$transaction(async (tx) => {
    const number = await nextVisitNumber(tx, access.communeId);
    const visit = await tx.receptionVisit.create({
      data: {
        ...fields,
        communeId: access.communeId,
        number,
        visitedAt,
        deadline: fields.deadline ? asDate(fields.deadline) : null,
        caseId: filed?.id ?? null,
        recordedById: access.userId,
      },
      select: { id: true },
    });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "reception.visit.record",
      entityType: "ReceptionVisit",
      entityId: visit.id,
      after: { ...visitAudit(fields), number, caseId: filed?.id ?? null },
      details: { number, sessionId: session.id, withCase: filed !== null },
    });
    return { id: visit.id, number, caseId: filed?.id ?? null, caseNumber: filed?.number ?? null };
  });
}

/** Opens the case of a visit recorded without one. */
export async function openCaseFromVisit(access: CommuneAccess, visitId: string, categoryId: string | null): Promise<{ caseId: string; caseNumber: number }> {
  if (!keeps(access)) throw forbidden();
  const visit = await db.receptionVisit.findFirst({
    where: { id: visitId, communeId: access.communeId },
    select: { id: true, caseId: true, summary: true, kind: true, visitorName: true, visitorAddress: true, visitedAt: true },
  });
  if (!visit) throw notFound("receptionVisitNotFound");
  if (visit.caseId) throw invalid("receptionVisitHasCase");
  const filed = await fileVisitCase(access, { ...visit, categoryId });
  await db.$transaction(async (tx) => {
    // Only a visit still without a case takes this one (two clicks at once link one).
    const linked = await tx.receptionVisit.updateMany({ where: { id: visit.id, caseId: null }, data: { caseId: filed.id } });
    if (linked.count === 0) throw invalid("receptionVisitHasCase");
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "reception.visit.open-case",
      entityType: "ReceptionVisit",
      entityId: visit.id,
      before: { caseId: null },
      after: { caseId: filed.id },
      details: { caseNumber: filed.number },
    });
  });
  return { caseId: filed.id, caseNumber: filed.number };
}

const visitSelect = {
  id: true,
  sessionId: true,
  number: true,
  visitedAt: true,
  visitorName: true,
  visitorAddress: true,
  idNumber: true,
  summary: true,
  kind: true,
  peopleCount: true,
  representatives: true,
  handledBy: true,
  competent: true,
  guidedTo: true,
  acceptedBy: true,
  followUp: true,
  notes: true,
  conclusion: true,
  deadline: true,
  caseId: true,
  bookingId: true,
} as const;

type VisitRow = Awaited<ReturnType<typeof loadVisits>>[number];
const loadVisits = (where: { communeId: string; sessionId?: string; id?: string }) =>
  db.receptionVisit.findMany({ where, orderBy: { number: "asc" }, select: { ...visitSelect, case: { select: { number: true } } } });

/** A register line as a reader of `roles` may see it: ID masked (or gone), a denouncer unnamed for the Front. */
export function forReader(v: VisitRow, roles: readonly string[], full = false) {
  const staff = readsIds(roles as never);
  const hideIdentity = !staff && v.kind === "DENUNCIATION";
  return {
    ...v,
    idNumber: staff ? (full ? v.idNumber : maskIdNumber(v.idNumber)) : null,
    hasIdNumber: staff ? v.idNumber !== null : false,
    visitorName: hideIdentity ? null : v.visitorName,
    visitorAddress: hideIdentity ? null : v.visitorAddress,
    representatives: hideIdentity ? [] : v.representatives,
    caseNumber: v.case?.number ?? null,
  };
}
export type RegisterLine = ReturnType<typeof forReader>;

/** The register, or one session of it, as a list: never a full ID number. */
export async function listRegister(access: CommuneAccess, options: { sessionId?: string } = {}): Promise<RegisterLine[]> {
  const rows = await loadVisits({ communeId: access.communeId, ...(options.sessionId ? { sessionId: options.sessionId } : {}) });
  return rows.map((v) => forReader(v, access.roles));
}

/**
 * One register entry. Staff and leaders get the full ID number, and the read is recorded in the audit
 * log (one event per read of an entry that holds one); the Front gets the entry without it.
 */
export async function readVisit(access: CommuneAccess, visitId: string): Promise<RegisterLine> {
  const [row] = await loadVisits({ communeId: access.communeId, id: visitId });
  if (!row) throw notFound("receptionVisitNotFound");
  const staff = readsIds(access.roles);
  if (staff && row.idNumber) await db.$transaction((tx) => auditIdRead(tx, access, [row.id], "reception.visit.read-id"));
  return forReader(row, access.roles, staff);
}

/** The ID number alone: 403 for anyone but staff and leaders (the Front, a village head). */
export async function readVisitIdNumber(access: CommuneAccess, visitId: string): Promise<string | null> {
  if (!access.roles.some((r) => ID_READER_ROLES.includes(r))) throw forbidden();
  const line = await readVisit(access, visitId);
  return line.idNumber;
}

/** One audit event per entry whose ID number was read. */
export async function auditIdRead(tx: Tx, access: CommuneAccess, visitIds: string[], action: string): Promise<void> {
  for (const id of visitIds) {
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action,
      entityType: "ReceptionVisit",
      entityId: id,
      details: { field: "idNumber" },
    });
  }
}

/** All visits with their full rows, for the export and the conclusion notice. */
export const loadRegister = loadVisits;

export async function listSessions(communeId: string, take = 30) {
  return db.receptionSession.findMany({
    where: { communeId },
    orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
    take,
    select: { id: true, heldOn: true, hostName: true, hostTitle: true, isHeadSession: true, place: true, noticeDocumentId: true, _count: { select: { visits: true } } },
  });
}

export async function getSession(communeId: string, sessionId: string) {
  return db.receptionSession.findFirst({ where: { id: sessionId, communeId } });
}

/** The register line a case came from (for the case page's link back), if any. */
export async function visitOfCase(communeId: string, caseId: string) {
  return db.receptionVisit.findFirst({ where: { communeId, caseId }, select: { id: true, number: true, sessionId: true, visitedAt: true } });
}
