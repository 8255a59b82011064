// What a board does (Law 10/2022 Art. 43): its members record site visits with photos and findings by
// topic, send requests (and proposals to suspend) to the commune or the investor, and publish findings;
// staff record the answers, due within 15 days (Art. 45.2.c). A member writes only the board's own
// records: never the work, never the commune's. A dissolved board is read-only.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { toVnDate } from "@/lib/consultations/periods";
import { db } from "@/lib/db";
import { conflict, invalid, notFound } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";

import { assertActive, loadBoard, requireActiveMember } from "./board-access";
import { answerClock, dateOnly } from "./rules";
import type { RecordFindingValues, RecordVisitValues, SendRequestValues } from "./schemas";

const audit = (access: CommuneAccess, action: string, entityType: string, entityId: string, after: unknown, details?: Record<string, string | number | boolean>) =>
  ({ communeId: access.communeId, actorId: access.userId, actorRole: access.actingRole, action, entityType, entityId, after, details });

export async function recordVisit(access: CommuneAccess, values: RecordVisitValues, now = new Date()) {
  if (values.visitedOn > toVnDate(now)) throw invalid("supervisionVisitInFuture", {}, { visitedOn: "supervisionVisitInFuture" });
  return db.$transaction(async (tx) => {
    const board = await requireActiveMember(tx, access, values.boardId);
    const photoIds = [...new Set(values.photoIds)];
    if (photoIds.length) {
      const own = await tx.supervisionPhoto.count({ where: { id: { in: photoIds }, boardId: board.id, uploadedById: access.userId, visitId: null } });
      if (own !== photoIds.length) throw invalid("unknownPhoto", {}, { photoIds: "unknownPhoto" });
    }
    const visit = await tx.supervisionVisit.create({
      data: { communeId: access.communeId, boardId: board.id, visitedOn: dateOnly(values.visitedOn), place: values.place, notes: values.notes, recordedById: access.userId },
      select: { id: true },
    });
    if (photoIds.length) await tx.supervisionPhoto.updateMany({ where: { id: { in: photoIds } }, data: { visitId: visit.id } });
    await appendAudit(tx, audit(access, "supervision.visit", "SupervisionVisit", visit.id, { boardId: board.id, visitedOn: values.visitedOn, place: values.place, photoIds }, { photos: photoIds.length }));
    return { id: visit.id };
  });
}

export async function recordFinding(access: CommuneAccess, values: RecordFindingValues) {
  return db.$transaction(async (tx) => {
    const board = await requireActiveMember(tx, access, values.boardId);
    if (values.visitId && !(await tx.supervisionVisit.count({ where: { id: values.visitId, boardId: board.id } }))) throw invalid("supervisionVisitNotFound", {}, { visitId: "supervisionVisitNotFound" });
    const finding = await tx.supervisionFinding.create({
      data: { communeId: access.communeId, boardId: board.id, visitId: values.visitId || null, topic: values.topic, body: values.body, recordedById: access.userId },
      select: { id: true },
    });
    await appendAudit(tx, audit(access, "supervision.finding", "SupervisionFinding", finding.id, { boardId: board.id, topic: values.topic, body: values.body }, { topic: values.topic }));
    return { id: finding.id };
  });
}

/** The board makes a finding public: from then on it shows on the work's public page. */
export async function publishFinding(access: CommuneAccess, findingId: string, now = new Date()) {
  const finding = await db.supervisionFinding.findFirst({ where: { id: findingId, communeId: access.communeId }, select: { id: true, boardId: true, publishedAt: true } });
  if (!finding) throw notFound("supervisionFindingNotFound");
  return db.$transaction(async (tx) => {
    const board = await requireActiveMember(tx, access, finding.boardId);
    const updated = await tx.supervisionFinding.updateMany({ where: { id: finding.id, publishedAt: null }, data: { publishedAt: now, publishedById: access.userId } });
    if (updated.count !== 1) throw conflict("supervisionAlreadyPublished");
    await appendAudit(tx, audit(access, "supervision.finding.publish", "SupervisionFinding", finding.id, { boardId: board.id, publishedAt: now.toISOString() }));
    return { id: finding.id };
  });
}

export async function sendRequest(access: CommuneAccess, values: SendRequestValues, now = new Date()) {
  return db.$transaction(async (tx) => {
    const board = await requireActiveMember(tx, access, values.boardId);
    const request = await tx.supervisionRequest.create({
      data: { communeId: access.communeId, boardId: board.id, kind: values.kind, addressee: values.addressee, body: values.body, sentById: access.userId, sentAt: now },
      select: { id: true, sentAt: true },
    });
    const clock = answerClock({ sentAt: request.sentAt, answeredAt: null }, now);
    await appendAudit(tx, audit(access, values.kind === "SUSPENSION" ? "supervision.suspension.propose" : "supervision.request", "SupervisionRequest", request.id, { boardId: board.id, kind: values.kind, addressee: values.addressee, body: values.body }, { kind: values.kind, addressee: values.addressee }));
    return { id: request.id, deadline: clock.deadline.toISOString() };
  });
}

/** Staff record the answer of the commune (or, for the investor, the answer it sent). */
export async function answerRequest(access: CommuneAccess, values: { requestId: string; answer: string }, now = new Date()) {
  const request = await db.supervisionRequest.findFirst({ where: { id: values.requestId, communeId: access.communeId }, select: { id: true, boardId: true, sentAt: true } });
  if (!request) throw notFound("supervisionRequestNotFound");
  const board = await loadBoard(db, access.communeId, request.boardId);
  assertActive(board);
  return db.$transaction(async (tx) => {
    const updated = await tx.supervisionRequest.updateMany({ where: { id: request.id, answeredAt: null }, data: { answer: values.answer, answeredAt: now, answeredById: access.userId } });
    if (updated.count !== 1) throw conflict("supervisionAlreadyAnswered");
    const clock = answerClock({ sentAt: request.sentAt, answeredAt: now }, now);
    const onTime = clock.state === "answered" && clock.onTime;
    await appendAudit(tx, audit(access, "supervision.request.answer", "SupervisionRequest", request.id, { answer: values.answer }, { onTime }));
    return { id: request.id, onTime };
  });
}
