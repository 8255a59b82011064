// "Has it been fixed?": four weeks after a case is RESOLVED its sender is asked, in their inbox (and by
// text if they chose it) and on the case page; they answer yes, no or don't know. A "no" reopens the
// case (IN_PROGRESS, reopenCount + 1): staff see it in their list, the Front on its page. The asks go
// out from the scheduler (lib/scheduler/jobs.ts, every hour).
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import type { CaseFixAnswer } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";

import { expiringPublicCases } from "./public-cache";
import { tellSender } from "./tell-sender";

/** Asks every sender whose case was resolved four weeks ago; returns how many were asked. */
export async function askDueFixChecks(now = new Date(), limit = 200): Promise<number> {
  const due = await db.case.findMany({
    where: { state: "RESOLVED", fixAskedAt: null, fixCheckDueAt: { lte: now }, mergedIntoId: null },
    select: { id: true },
    orderBy: { fixCheckDueAt: "asc" },
    take: limit,
  });
  let asked = 0;
  for (const { id } of due) {
    await db.$transaction(async (tx) => {
      // Claimed by a compare-and-set: two scheduler instances never ask twice.
      const { count } = await tx.case.updateMany({ where: { id, state: "RESOLVED", fixAskedAt: null }, data: { fixAskedAt: now } });
      if (count !== 1) return;
      const c = await tx.case.findUniqueOrThrow({
        where: { id },
        select: { id: true, communeId: true, number: true, title: true, isPublic: true, filedById: true, senderPhone: true, notifyBySms: true },
      });
      await appendAudit(tx, { communeId: c.communeId, actorId: null, actorRole: null, action: "case.fixAsked", entityType: "Case", entityId: c.id, details: { number: c.number } });
      asked += 1;
      await tellSender(tx, c, "caseFixCheck");
    });
  }
  return asked;
}

/** The sender answers; "no" reopens the case. Only the sender, only once asked, only once. */
export async function answerFixCheck(access: CommuneAccess, values: { caseId: string; answer: CaseFixAnswer }, now = new Date()) {
  return expiringPublicCases(db.$transaction(async (tx) => {
    const c = await tx.case.findFirst({
      where: { id: values.caseId, communeId: access.communeId, filedById: access.userId },
      select: { id: true, communeId: true, number: true, kind: true, state: true, fixAskedAt: true, fixAnswer: true },
    });
    if (!c) throw notFound("caseNotFound");
    if (c.state !== "RESOLVED" || !c.fixAskedAt || c.fixAnswer) throw conflict("fixCheckNotOpen");
    const reopen = values.answer === "NO";
    const { count } = await tx.case.updateMany({
      where: { id: c.id, state: "RESOLVED", fixAnswer: null },
      data: {
        fixAnswer: values.answer,
        fixAnsweredAt: now,
        ...(reopen ? { state: "IN_PROGRESS" as const, resolvedAt: null, fixCheckDueAt: null, reopenCount: { increment: 1 } } : {}),
      },
    });
    if (count !== 1) throw conflict("fixCheckNotOpen");
    await tx.caseUpdate.create({
      data: { communeId: c.communeId, caseId: c.id, authorId: access.userId, isPublic: true, body: "", fromState: reopen ? "RESOLVED" : null, toState: reopen ? "IN_PROGRESS" : null },
    });
    await appendAudit(tx, {
      communeId: c.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "case.fixAnswer",
      entityType: "Case",
      entityId: c.id,
      after: { fixAnswer: values.answer },
      details: { number: c.number, answer: values.answer, reopened: reopen },
    });
    return { answer: values.answer, reopened: reopen };
  }));
}
