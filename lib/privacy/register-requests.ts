import "server-only";

// A person on the household list who has no account still has the right to see, correct or have
// deleted their data (Law 91/2025/QH15; Decree 356/2025: answered within 2 working days). They ask at
// the office, by phone or on paper; staff record the request here and, once answered, the answer. The deadline is the same rule as for account holders (lib/people/working-days.ts).
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import type { DataRequestKind } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";
import { addWorkingDays } from "@/lib/people/working-days";
import { readSettings } from "@/lib/settings";

/** Working days to answer: Decree 356/2025. */
export const ANSWER_WORKING_DAYS = 2;

export type NewRegisterRequest = { requesterName: string; contact: string | null; kind: DataRequestKind; details: string | null; receivedAt: Date };

export async function recordRegisterRequest(access: CommuneAccess, values: NewRegisterRequest) {
  return db.$transaction(async (tx) => {
    const commune = await tx.commune.findUniqueOrThrow({ where: { id: access.communeId }, select: { settings: true } });
    const dueAt = addWorkingDays(values.receivedAt, ANSWER_WORKING_DAYS, readSettings(commune.settings).extraHolidays);
    const request = await tx.registerDataRequest.create({
      data: { ...values, communeId: access.communeId, dueAt, recordedById: access.userId },
      select: { id: true, kind: true, receivedAt: true, dueAt: true, status: true },
    });
    // The log keeps the kind and the dates, not the person's name or contact.
    await appendAudit(tx, { communeId: access.communeId, actorId: access.userId, actorRole: access.actingRole, action: "registerRequest.record", entityType: "RegisterDataRequest", entityId: request.id, after: request });
    return request;
  });
}

export async function answerRegisterRequest(access: CommuneAccess, values: { requestId: string; status: "DONE" | "REFUSED"; answer: string }, now = new Date()) {
  return db.$transaction(async (tx) => {
    const request = await tx.registerDataRequest.findFirst({ where: { id: values.requestId, communeId: access.communeId }, select: { id: true, dueAt: true } });
    if (!request) throw notFound("requestNotFound");
    const { count } = await tx.registerDataRequest.updateMany({
      where: { id: request.id, status: "OPEN" },
      data: { status: values.status, answer: values.answer, answeredAt: now, answeredById: access.userId },
    });
    if (count !== 1) throw conflict("requestClosed");
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "registerRequest.answer",
      entityType: "RegisterDataRequest",
      entityId: request.id,
      after: { status: values.status, answeredAt: now },
      details: { status: values.status, late: now > request.dueAt },
    });
    return { status: values.status };
  });
}

export async function listRegisterRequests(communeId: string, now = new Date()) {
  const rows = await db.registerDataRequest.findMany({
    where: { communeId },
    select: { id: true, requesterName: true, contact: true, kind: true, details: true, receivedAt: true, dueAt: true, status: true, answer: true, answeredAt: true },
    orderBy: [{ status: "asc" }, { dueAt: "asc" }],
    take: 500,
  });
  return rows.map((r) => ({ ...r, isOverdue: r.status === "OPEN" && r.dueAt < now, answeredLate: r.answeredAt !== null && r.answeredAt > r.dueAt }));
}
